// Spark: the connection dialog, and the badge and progress of a report computed on the cluster.

export const en = {
  "spark.open": "Spark…",
  "spark.open_title": "Connect to Spark…: compute Analyze's numbers on an Apache Spark cluster",
  "spark.title": "Connect to Spark",
  "spark.intro":
    "Analyze can compute its numbers on an Apache Spark cluster over Spark Connect, reading the events from a table. The connection is kept in the workspace.",
  "spark.url": "Address",
  "spark.token": "Token (optional)",
  "spark.token_note":
    "A token you type is kept in the system keyring, never in the workspace. Leave it empty when the cluster needs none or the keyring already holds it; PERCORSO_SPARK_TOKEN, when set, comes first.",
  "spark.table": "Table",
  "spark.columns": "Columns of the table",
  "spark.customer": "Customer id",
  "spark.timestamp": "Timestamp",
  "spark.touchpoint": "Touchpoint",
  "spark.channel": "Channel (optional)",
  "spark.event": "Event type (optional)",
  "spark.value": "Value (optional)",
  "spark.segments": "Segment attributes (optional, separated by commas)",
  "spark.order": "Order (optional)",
  "spark.order_hint": "Orders the events at the same instant.",
  "spark.connect": "Connect",
  "spark.connecting": "Connecting…",
  "spark.connecting_note":
    "Checking the server and reading the table's values; this can take a few seconds.",
  "spark.cancel_dialog": "Cancel",
  "spark.disconnect": "Disconnect",
  "spark.badge": "Computed on Spark · {table}",
  "spark.badge_title": "Spark Connect server: {url}",
  "spark.progress": "Computing on Spark… step {done} of {of}",
  "spark.progress_starting": "Computing on Spark…",
  "spark.export_unavailable": "Exporting the customers of a Spark table is not available yet.",
} as const;

export const it: Record<keyof typeof en, string> = {
  "spark.open": "Spark…",
  "spark.open_title": "Connetti a Spark…: calcola i numeri di Analizza su un cluster Apache Spark",
  "spark.title": "Connetti a Spark",
  "spark.intro":
    "Analizza può calcolare i numeri su un cluster Apache Spark tramite Spark Connect, leggendo gli eventi da una tabella. La connessione resta nell'area di lavoro.",
  "spark.url": "Indirizzo",
  "spark.token": "Token (facoltativo)",
  "spark.token_note":
    "Il token che scrivi resta nel portachiavi di sistema, mai nello spazio di lavoro. Lascialo vuoto se il cluster non lo chiede o se il portachiavi lo conserva già; PERCORSO_SPARK_TOKEN, se impostata, ha la precedenza.",
  "spark.table": "Tabella",
  "spark.columns": "Colonne della tabella",
  "spark.customer": "Id cliente",
  "spark.timestamp": "Data e ora",
  "spark.touchpoint": "Punto di contatto",
  "spark.channel": "Canale (facoltativo)",
  "spark.event": "Tipo di evento (facoltativo)",
  "spark.value": "Valore (facoltativo)",
  "spark.segments": "Attributi di segmento (facoltativi, separati da virgole)",
  "spark.order": "Ordine (facoltativo)",
  "spark.order_hint": "Ordina gli eventi avvenuti nello stesso istante.",
  "spark.connect": "Connetti",
  "spark.connecting": "Connessione in corso…",
  "spark.connecting_note":
    "Controllo del server e lettura dei valori della tabella: può richiedere qualche secondo.",
  "spark.cancel_dialog": "Annulla",
  "spark.disconnect": "Disconnetti",
  "spark.badge": "Calcolato su Spark · {table}",
  "spark.badge_title": "Server Spark Connect: {url}",
  "spark.progress": "Calcolo su Spark in corso… passo {done} di {of}",
  "spark.progress_starting": "Calcolo su Spark in corso…",
  "spark.export_unavailable":
    "L'esportazione dei clienti di una tabella Spark non è ancora disponibile.",
};
