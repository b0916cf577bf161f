// The Analyze mode: overlay, legend, funnel, inspector, customers, filters and compare.
// Metric definitions quote ../shared/metrics.md (the contract) so that a tooltip says exactly
// what a number counts.

export const en = {
  "mode.label": "Mode",
  "mode.design": "Design",
  "mode.analyze": "Analyze",
  "mode.present": "Present",

  "analyze.loading": "Computing…",
  "analyze.error": "The numbers could not be computed",
  "analyze.colour_by": "Colour by",
  "analyze.no_data": "No data",

  "metric.dropoff_rate": "Drop-off rate",
  "metric.engagement_rate": "Engagement rate",
  "metric.reach": "Reach (customers)",
  "metric.median_next_s": "Median time to next step",
  "metric.stalled_now": "Stalled now",
  "metric.value_mean": "Mean value",
  "metric.events": "Events",
  "metric.customers": "Customers reached",
  "metric.reach_pct": "Share of all customers",
  "metric.repeat": "Events per customer",
  "metric.last_here": "Latest event here",
  "metric.dropoff": "Dropped off here",
  "metric.completed_here": "Completed here",
  "metric.p90_next_s": "Time to next step, 90th percentile",

  "def.events": "Number of events at the touchpoint.",
  "def.customers": "Distinct customers with at least one event at the touchpoint (reach).",
  "def.reach_pct": "Customers ÷ all customers in the filtered log × 100.",
  "def.repeat": "Events ÷ customers.",
  "def.last_here": "Customers whose latest event is at the touchpoint.",
  "def.dropoff":
    "Customers whose latest event is at the touchpoint and whose latest instant is strictly earlier than as-of − inactivity threshold. Always 0 at a goal: ending there is a completion.",
  "def.dropoff_rate": "Drop-off ÷ customers × 100.",
  "def.completed_here":
    "At a goal: customers whose latest event is at the touchpoint. They converted, so they are never counted as dropped or stalled. 0 elsewhere.",
  "def.median_next_s":
    "Over the touchpoint's events that have a next event by the same customer: the time from the event to that next event; median by linear interpolation between closest ranks. Empty when no event has a next.",
  "def.p90_next_s":
    "Over the touchpoint's events that have a next event by the same customer: the time from the event to that next event; 90th percentile by linear interpolation between closest ranks. Empty when no event has a next.",
  "def.stalled_now":
    "Customers whose latest event is at the touchpoint, who are not dropped, and whose time since that event (to as-of) exceeds the touchpoint's 90th-percentile time to next step. Always 0 at a goal.",
  "def.engagement_rate":
    "Interacting customers ÷ exposed customers × 100, where event types may be marked as exposures (sent, delivered, impression…). With no exposure types at the touchpoint: customers ÷ customers who reached its stage × 100.",
  "def.value_mean":
    "Mean of the numeric value column over the touchpoint's events that carry one (e.g. survey score, order amount).",
  "def.reach": "Distinct customers with at least one event at the touchpoint.",
  "def.stage.reached": "Customers with at least one event in the stage.",
  "def.stage.conversion":
    "Customers who reached the next stage after their first event in this stage ÷ reached × 100.",
  "def.stage.dropped": "Dropped customers whose current stage is this one.",
  "def.stage.completed": "Customers whose latest event is at a goal in this stage: they converted.",
  "def.edge.count":
    "Pairs of consecutive events of the same customer from one touchpoint to the next.",

  "legend.title": "Legend",
  "legend.size": "Card size: reach",
  "legend.width": "Line width: transitions",
  "legend.undesigned": "Observed, not on the map",
  "legend.unused": "On the map, never observed",
  "legend.backing.data": "Data-backed",
  "legend.backing.partly": "Partly backed",
  "legend.backing.design": "Design only",
  "legend.difference": "B − A",
  "legend.lower": "lower in B",
  "legend.higher": "higher in B",

  "backing.data": "Data-backed: events here, and every designed way in and out was used",
  "backing.partly": "Partly backed: events here, but some designed transitions were never used",
  "backing.design": "Design only: no event in the log at this touchpoint",

  "funnel.reached": "reached",
  "funnel.next": "to next stage",
  "funnel.dropped": "dropped",
  "funnel.completed": "completed",
  "funnel.last": "last stage",

  "unmapped.title": "Unmapped log values",
  "unmapped.none": "Every log value matches a touchpoint.",
  "unmapped.hint":
    "These values are counted but are on no touchpoint. Map each one to a touchpoint (as an alias) or create one in Design mode.",
  "unmapped.events": "{n} events",
  "unmapped.map": "Map in Design",

  "overview.title": "Overview",
  "overview.customers": "Customers",
  "overview.events": "Events",
  "overview.as_of": "As of",
  "overview.hint": "Select a touchpoint to see its numbers and the customers behind them.",

  "inspector.title": "Touchpoint",
  "inspector.close": "Back to overview",
  "inspector.metrics": "Numbers",
  "inspector.histogram": "Time to next step",
  "inspector.histogram.none": "No customer moved on from here.",
  "inspector.histogram.total": "{n} next steps",
  "inspector.next": "Where customers go next",
  "inspector.next.none": "Nobody moved on from here.",
  "inspector.next.undesigned": "not on the map",
  "inspector.customers": "Customers",
  "inspector.compare.a": "A",
  "inspector.compare.b": "B",

  "customers.here": "Here now",
  "customers.stalled": "Stalled here",
  "customers.dropped": "Dropped here",
  "customers.completed": "Completed here",
  "customers.id": "Customer",
  "customers.events": "Events",
  "customers.last": "Latest event",
  "customers.none": "No customer.",
  "customers.page": "{from}–{to} of {total}",
  "customers.previous": "Previous page",
  "customers.next": "Next page",
  "customers.export": "Export CSV…",
  "customers.export.title": "Export customers as CSV",
  "customers.exported": "{n} customers written to {file}",
  "customers.open": "Show this customer's path",

  "status.dropped": "Dropped",
  "status.stalled": "Stalled",
  "status.completed": "Completed",
  "status.active": "Active",

  "search.label": "Find a customer",
  "search.placeholder": "Customer id",
  "search.go": "Show",
  "search.not_kept": "This customer has no event in the current filters.",

  "path.title": "Customer path",
  "path.clear": "Hide path",
  "path.status": "Status",
  "path.current": "Current stage",
  "path.furthest": "Furthest stage",
  "path.steps": "{n} events",
  "path.step": "Step",
  "path.after": "after {d}",
  "path.unmapped": "not on the map",

  "filters.title": "Filters",
  "filters.from": "From",
  "filters.to": "To (inclusive)",
  "filters.timeline": "Events per day over time; drag across it to choose a date range",
  "filters.segment": "Segment",
  "filters.segment.all": "All customers",
  "filters.channel": "Channel",
  "filters.channel.all": "All channels",
  "filters.as_of": "As of",
  "filters.as_of.latest": "Latest event",
  "filters.inactive": "Dropped after (days)",
  "filters.reset": "Reset filters",

  "compare.toggle": "Compare",
  "compare.kind": "Compare",
  "compare.segments": "two segments",
  "compare.dates": "two date ranges",
  "compare.a": "A",
  "compare.b": "B",
  "compare.a_is": "A is the filters above",

  "simplify.label": "Simplify the map",
  "simplify.transitions": "Transitions",
  "simplify.transitions.hint":
    "Draw only the transitions that carry this share of the moves between touchpoints, the busiest first. The numbers do not change.",
  "simplify.transitions.note": "showing {shown} of {total} transitions, {share} of moves",
  "simplify.transitions.none": "no transitions observed",
  "simplify.touchpoints": "Touchpoints",
  "simplify.touchpoints.hint":
    "Draw only this share of the touchpoints, those reached by the most customers first. The selected touchpoint and an open customer path always stay. The numbers do not change.",
  "simplify.touchpoints.note": "showing {shown} of {total} touchpoints, {share} of events",
  "simplify.touchpoints.plain": "showing {shown} of {total} touchpoints",
} as const;

export const it: Record<keyof typeof en, string> = {
  "mode.label": "Modalità",
  "mode.design": "Progetta",
  "mode.analyze": "Analizza",
  "mode.present": "Presenta",

  "analyze.loading": "Calcolo in corso…",
  "analyze.error": "Impossibile calcolare i numeri",
  "analyze.colour_by": "Colora per",
  "analyze.no_data": "Nessun dato",

  "metric.dropoff_rate": "Tasso di abbandono",
  "metric.engagement_rate": "Tasso di coinvolgimento",
  "metric.reach": "Copertura (clienti)",
  "metric.median_next_s": "Tempo mediano al passo successivo",
  "metric.stalled_now": "Fermi ora",
  "metric.value_mean": "Valore medio",
  "metric.events": "Eventi",
  "metric.customers": "Clienti raggiunti",
  "metric.reach_pct": "Quota di tutti i clienti",
  "metric.repeat": "Eventi per cliente",
  "metric.last_here": "Ultimo evento qui",
  "metric.dropoff": "Abbandoni qui",
  "metric.completed_here": "Completati qui",
  "metric.p90_next_s": "Tempo al passo successivo, 90° percentile",

  "def.events": "Numero di eventi nel punto di contatto.",
  "def.customers": "Clienti distinti con almeno un evento nel punto di contatto (copertura).",
  "def.reach_pct": "Clienti ÷ tutti i clienti del registro filtrato × 100.",
  "def.repeat": "Eventi ÷ clienti.",
  "def.last_here": "Clienti il cui ultimo evento è nel punto di contatto.",
  "def.dropoff":
    "Clienti il cui ultimo evento è nel punto di contatto e il cui ultimo istante è strettamente precedente a data di riferimento − soglia di inattività. Sempre 0 in un obiettivo: finire lì è un completamento.",
  "def.dropoff_rate": "Abbandoni ÷ clienti × 100.",
  "def.completed_here":
    "In un obiettivo: clienti il cui ultimo evento è nel punto di contatto. Hanno convertito, quindi non contano mai come abbandoni né come fermi. 0 altrove.",
  "def.median_next_s":
    "Sugli eventi del punto di contatto seguiti da un altro evento dello stesso cliente: il tempo dall'evento al successivo; mediana per interpolazione lineare tra i ranghi più vicini. Vuoto se nessun evento ha un successivo.",
  "def.p90_next_s":
    "Sugli eventi del punto di contatto seguiti da un altro evento dello stesso cliente: il tempo dall'evento al successivo; 90° percentile per interpolazione lineare tra i ranghi più vicini. Vuoto se nessun evento ha un successivo.",
  "def.stalled_now":
    "Clienti il cui ultimo evento è nel punto di contatto, che non hanno abbandonato e il cui tempo da quell'evento (alla data di riferimento) supera il 90° percentile del tempo al passo successivo del punto. Sempre 0 in un obiettivo.",
  "def.engagement_rate":
    "Clienti che interagiscono ÷ clienti esposti × 100, dove alcuni tipi di evento possono essere marcati come esposizioni (inviato, consegnato, impression…). Senza tipi di esposizione nel punto: clienti ÷ clienti che hanno raggiunto la sua fase × 100.",
  "def.value_mean":
    "Media della colonna numerica dei valori sugli eventi del punto di contatto che ne hanno uno (es. punteggio di un sondaggio, importo di un ordine).",
  "def.reach": "Clienti distinti con almeno un evento nel punto di contatto.",
  "def.stage.reached": "Clienti con almeno un evento nella fase.",
  "def.stage.conversion":
    "Clienti che hanno raggiunto la fase successiva dopo il loro primo evento in questa fase ÷ raggiunti × 100.",
  "def.stage.dropped": "Clienti che hanno abbandonato e la cui fase attuale è questa.",
  "def.stage.completed":
    "Clienti il cui ultimo evento è in un obiettivo di questa fase: hanno convertito.",
  "def.edge.count":
    "Coppie di eventi consecutivi dello stesso cliente da un punto di contatto al successivo.",

  "legend.title": "Legenda",
  "legend.size": "Dimensione: copertura",
  "legend.width": "Spessore: transizioni",
  "legend.undesigned": "Osservata, non sulla mappa",
  "legend.unused": "Sulla mappa, mai osservata",
  "legend.backing.data": "Supportato dai dati",
  "legend.backing.partly": "Supportato in parte",
  "legend.backing.design": "Solo progetto",
  "legend.difference": "B − A",
  "legend.lower": "più basso in B",
  "legend.higher": "più alto in B",

  "backing.data":
    "Supportato dai dati: eventi qui, e ogni ingresso e uscita progettati sono stati usati",
  "backing.partly":
    "Supportato in parte: eventi qui, ma alcune transizioni progettate non sono mai state usate",
  "backing.design": "Solo progetto: nessun evento del registro in questo punto di contatto",

  "funnel.reached": "raggiunti",
  "funnel.next": "proseguono",
  "funnel.dropped": "abbandoni",
  "funnel.completed": "completati",
  "funnel.last": "ultima fase",

  "unmapped.title": "Valori del registro non mappati",
  "unmapped.none": "Ogni valore del registro corrisponde a un punto di contatto.",
  "unmapped.hint":
    "Questi valori sono contati ma non sono su alcun punto di contatto. Associa ciascuno a un punto di contatto (come alias) o creane uno in modalità Progetta.",
  "unmapped.events": "{n} eventi",
  "unmapped.map": "Mappa in Progetta",

  "overview.title": "Panoramica",
  "overview.customers": "Clienti",
  "overview.events": "Eventi",
  "overview.as_of": "Data di riferimento",
  "overview.hint":
    "Seleziona un punto di contatto per vederne i numeri e i clienti dietro di essi.",

  "inspector.title": "Punto di contatto",
  "inspector.close": "Torna alla panoramica",
  "inspector.metrics": "Numeri",
  "inspector.histogram": "Tempo al passo successivo",
  "inspector.histogram.none": "Nessun cliente è andato oltre da qui.",
  "inspector.histogram.total": "{n} passi successivi",
  "inspector.next": "Dove vanno poi i clienti",
  "inspector.next.none": "Nessuno è andato oltre da qui.",
  "inspector.next.undesigned": "non sulla mappa",
  "inspector.customers": "Clienti",
  "inspector.compare.a": "A",
  "inspector.compare.b": "B",

  "customers.here": "Qui ora",
  "customers.stalled": "Fermi qui",
  "customers.dropped": "Abbandoni qui",
  "customers.completed": "Completati qui",
  "customers.id": "Cliente",
  "customers.events": "Eventi",
  "customers.last": "Ultimo evento",
  "customers.none": "Nessun cliente.",
  "customers.page": "{from}–{to} di {total}",
  "customers.previous": "Pagina precedente",
  "customers.next": "Pagina successiva",
  "customers.export": "Esporta CSV…",
  "customers.export.title": "Esporta i clienti in CSV",
  "customers.exported": "{n} clienti scritti in {file}",
  "customers.open": "Mostra il percorso di questo cliente",

  "status.dropped": "Abbandonato",
  "status.stalled": "Fermo",
  "status.completed": "Completato",
  "status.active": "Attivo",

  "search.label": "Trova un cliente",
  "search.placeholder": "Id cliente",
  "search.go": "Mostra",
  "search.not_kept": "Questo cliente non ha eventi con i filtri attuali.",

  "path.title": "Percorso del cliente",
  "path.clear": "Nascondi percorso",
  "path.status": "Stato",
  "path.current": "Fase attuale",
  "path.furthest": "Fase più avanzata",
  "path.steps": "{n} eventi",
  "path.step": "Passo",
  "path.after": "dopo {d}",
  "path.unmapped": "non sulla mappa",

  "filters.title": "Filtri",
  "filters.from": "Dal",
  "filters.to": "Al (incluso)",
  "filters.timeline": "Eventi al giorno nel tempo; trascina per scegliere un intervallo di date",
  "filters.segment": "Segmento",
  "filters.segment.all": "Tutti i clienti",
  "filters.channel": "Canale",
  "filters.channel.all": "Tutti i canali",
  "filters.as_of": "Data di riferimento",
  "filters.as_of.latest": "Ultimo evento",
  "filters.inactive": "Abbandono dopo (gg)",
  "filters.reset": "Azzera i filtri",

  "compare.toggle": "Confronta",
  "compare.kind": "Confronta",
  "compare.segments": "due segmenti",
  "compare.dates": "due intervalli di date",
  "compare.a": "A",
  "compare.b": "B",
  "compare.a_is": "A sono i filtri sopra",

  "simplify.label": "Semplifica la mappa",
  "simplify.transitions": "Transizioni",
  "simplify.transitions.hint":
    "Disegna solo le transizioni che portano questa quota dei passaggi tra punti di contatto, dalle più frequenti. I numeri non cambiano.",
  "simplify.transitions.note": "mostrate {shown} transizioni su {total}, il {share} dei passaggi",
  "simplify.transitions.none": "nessuna transizione osservata",
  "simplify.touchpoints": "Punti di contatto",
  "simplify.touchpoints.hint":
    "Disegna solo questa quota dei punti di contatto, da quelli raggiunti da più clienti. Il punto di contatto selezionato e il percorso di un cliente aperto restano sempre. I numeri non cambiano.",
  "simplify.touchpoints.note":
    "mostrati {shown} punti di contatto su {total}, il {share} degli eventi",
  "simplify.touchpoints.plain": "mostrati {shown} punti di contatto su {total}",
};
