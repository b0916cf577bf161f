// The engine's errors in the user's language, by code: `{name}` is one of the error's parameters
// (see ui/src/errors.ts). A code without an entry here shows the engine's English text.

export const en = {
  "error.io":
    "{path} cannot be read or written ({detail}). Check that the file exists and that you may open it.",
  "error.not_sqlite":
    "{path} is not a Percorso workspace (it is not an SQLite database). It was left untouched. Open a .percorso file or create a new workspace.",
  "error.not_a_workspace":
    "{path} is an SQLite database but not a Percorso workspace. It was left untouched. Open a .percorso file or create a new workspace.",
  "error.workspace_too_new":
    "{path} was written by a newer version of Percorso (workspace format {found}; this version reads up to {supported}). It was left untouched. Update Percorso to open it.",
  "error.workspace_exists": "{path} already exists. Choose another file name, or replace it.",
  "error.same_file":
    "{path} is the workspace open now and cannot be replaced while it is open. Choose another file name.",
  "error.busy":
    "Another program is writing to this workspace, so nothing was changed. Wait until it has finished (or close it), then try again.",
  "error.corrupt_data":
    "The workspace holds damaged event data ({detail}). Restore it from a copy, or import the source again.",
  "error.not_found":
    "This {what} no longer exists in the workspace. Reload the journey and try again.",
  "error.cancelled": "Cancelled; the workspace was left exactly as it was.",
  "error.already_imported":
    "The content of {path} was already imported as source “{source}”, so nothing was imported. Import it again only to count its events twice.",
  "error.ambiguous_timestamp":
    "The timestamps of column “{column}” could be day-first or month-first (such as 01/02/2026). Choose the format: dd/mm/yyyy or mm/dd/yyyy.",
  "error.bad_journey_file": "Not a journey file Percorso can read ({location}): {reason}",
  "error.bad_log_file":
    "{path} cannot be read ({location}): {reason}. Nothing was imported and the workspace is as it was. Fix the file or export it again.",
  "error.missing_role": "No column has the role “{role}”. Choose the column that holds it.",
  "error.duplicate_role": "Several columns have the role “{role}”. Give it to one column only.",
  "error.unknown_customer":
    "No customer “{customer}” in this log. Check the id as the log spells it.",
  "error.stage_not_empty": "Stage “{stage}” holds touchpoints. Choose the stage they move to.",
  "error.name_required": "A {what} needs a name.",
  "error.nothing_to_discover":
    "The filters keep no event, so there is no journey to discover. Widen the dates or clear a filter.",
  "error.too_many_periods":
    "The dates span {days} days: too many periods for one trend (at most {max}). Choose a longer period (week or month) or narrow the dates.",
  "error.spark_unreachable":
    "Cannot reach the Spark Connect server at {url} ({detail}). Check that it runs, its address and port, and the network; nothing was changed.",
  "error.spark_table_missing":
    "The Spark cluster at {url} has no table “{table}”. Check its name (database.table) and that you may read it.",
  "error.spark_column_missing":
    "Table “{table}” has no column “{column}” for the {role}. Its columns are: {available}.",
  "error.spark_query": "The Spark cluster at {url} could not run a query: {detail}",
  "error.keyring":
    "The system keyring could not keep the Spark token: {detail}. Unlock it or start it (on Linux, a Secret Service such as GNOME Keyring or KWallet), or set the environment variable PERCORSO_SPARK_TOKEN instead.",
  "error.task_failed":
    "Percorso's background task failed ({detail}). Try again; if it persists, restart Percorso.",
  "noun.journey": "journey",
  "noun.stage": "stage",
  "noun.touchpoint": "touchpoint",
  "noun.transition": "transition",
  "noun.persona": "persona",
  "noun.source": "imported source",
};

export const it: Record<keyof typeof en, string> = {
  "error.io":
    "Impossibile leggere o scrivere {path} ({detail}). Verifica che il file esista e di poterlo aprire.",
  "error.not_sqlite":
    "{path} non è un'area di lavoro di Percorso (non è un database SQLite). Il file non è stato modificato. Apri un file .percorso o crea una nuova area di lavoro.",
  "error.not_a_workspace":
    "{path} è un database SQLite ma non un'area di lavoro di Percorso. Il file non è stato modificato. Apri un file .percorso o crea una nuova area di lavoro.",
  "error.workspace_too_new":
    "{path} è stato scritto da una versione più recente di Percorso (formato {found}; questa versione legge fino al {supported}). Il file non è stato modificato. Aggiorna Percorso per aprirlo.",
  "error.workspace_exists":
    "{path} esiste già. Scegli un altro nome di file, oppure sostituiscilo.",
  "error.same_file":
    "{path} è l'area di lavoro aperta ora e non può essere sostituita mentre è aperta. Scegli un altro nome di file.",
  "error.busy":
    "Un altro programma sta scrivendo in quest'area di lavoro, quindi non è cambiato nulla. Attendi che abbia finito (o chiudilo), poi riprova.",
  "error.corrupt_data":
    "L'area di lavoro contiene dati degli eventi danneggiati ({detail}). Ripristinala da una copia o importa di nuovo la sorgente.",
  "error.not_found":
    "Questo elemento ({what}) non esiste più nell'area di lavoro. Ricarica il percorso e riprova.",
  "error.cancelled": "Annullato: l'area di lavoro è rimasta esattamente com'era.",
  "error.already_imported":
    "Il contenuto di {path} è già stato importato come sorgente «{source}», quindi non è stato importato nulla. Importalo di nuovo solo per contarne gli eventi due volte.",
  "error.ambiguous_timestamp":
    "Le date della colonna «{column}» possono essere lette con il giorno o con il mese per primo (come 01/02/2026). Scegli il formato: gg/mm/aaaa o mm/gg/aaaa.",
  "error.bad_journey_file":
    "Non è un file di percorso che Percorso sa leggere ({location}): {reason}",
  "error.bad_log_file":
    "{path} non si può leggere ({location}): {reason}. Non è stato importato nulla e l'area di lavoro è com'era. Correggi il file o esportalo di nuovo.",
  "error.missing_role": "Nessuna colonna ha il ruolo «{role}». Scegli la colonna che lo contiene.",
  "error.duplicate_role": "Più colonne hanno il ruolo «{role}». Assegnalo a una sola colonna.",
  "error.unknown_customer":
    "Nessun cliente «{customer}» in questo log. Controlla l'id come è scritto nel log.",
  "error.stage_not_empty":
    "La fase «{stage}» contiene punti di contatto. Scegli la fase in cui spostarli.",
  "error.name_required": "Serve un nome per: {what}.",
  "error.nothing_to_discover":
    "I filtri non tengono nessun evento, quindi non c'è un percorso da scoprire. Allarga le date o togli un filtro.",
  "error.too_many_periods":
    "Le date coprono {days} giorni: troppi periodi per un andamento (al massimo {max}). Scegli un periodo più lungo (settimana o mese) o restringi le date.",
  "error.spark_unreachable":
    "Impossibile raggiungere il server Spark Connect {url} ({detail}). Controlla che sia attivo, indirizzo, porta e rete; nulla è stato modificato.",
  "error.spark_table_missing":
    "Il cluster Spark {url} non ha la tabella “{table}”. Controlla il nome (database.tabella) e di poterla leggere.",
  "error.spark_column_missing":
    "La tabella “{table}” non ha la colonna “{column}” per il ruolo {role}. Le sue colonne: {available}.",
  "error.spark_query": "Il cluster Spark {url} non ha potuto eseguire una query: {detail}",
  "error.keyring":
    "Il portachiavi di sistema non ha potuto conservare il token Spark: {detail}. Sbloccalo o avvialo (su Linux, un Secret Service come GNOME Keyring o KWallet), oppure imposta la variabile d'ambiente PERCORSO_SPARK_TOKEN.",
  "error.task_failed":
    "Un'attività in background di Percorso non è riuscita ({detail}). Riprova; se succede ancora, riavvia Percorso.",
  "noun.journey": "percorso",
  "noun.stage": "fase",
  "noun.touchpoint": "punto di contatto",
  "noun.transition": "transizione",
  "noun.persona": "persona",
  "noun.source": "sorgente importata",
};
