// Every string the UI shows goes through `t`, so that English and Italian stay complete.

export const LANGUAGES = ["en", "it"] as const;
export type Language = (typeof LANGUAGES)[number];

const en = {
  "app.loading": "Opening the workspace…",
  "app.error.title": "The workspace could not be opened",
  "app.error.retry": "Try again",
  "map.empty": "This workspace has no journey yet.",
  "map.band.physical": "Physical",
  "map.band.digital": "Digital",
  "map.entry": "Entry",
  "map.goal": "Goal",
  "map.fit": "Fit to view",
  "panel.journey": "Journey",
  "panel.stages": "Stages",
  "panel.touchpoints": "Touchpoints",
  "panel.transitions": "Transitions",
  "panel.events": "Events in the log",
  "panel.sources": "Sources",
  "panel.select": "Select a touchpoint to see its details.",
  "panel.touchpoint": "Touchpoint",
  "panel.stage": "Stage",
  "panel.channel": "Channel",
  "panel.kind": "Kind",
  "panel.role": "Role",
  "panel.next": "Leads to",
  "panel.none": "—",
  "kind.physical": "Physical",
  "kind.digital": "Digital",
  "channel.store": "Store",
  "channel.call_centre": "Call centre",
  "channel.kiosk": "Kiosk",
  "channel.web": "Website",
  "channel.app": "App",
  "channel.email": "Email",
  "channel.sms": "SMS",
  "channel.chatbot": "Chatbot",
  "channel.social": "Social",
  "channel.video_call": "Video call",
  "channel.other": "Other",
  "journey.select": "Journey",
  "language": "Language",
} as const;

export type MessageKey = keyof typeof en;

const it: Record<MessageKey, string> = {
  "app.loading": "Apertura dell'area di lavoro…",
  "app.error.title": "Impossibile aprire l'area di lavoro",
  "app.error.retry": "Riprova",
  "map.empty": "Quest'area di lavoro non ha ancora un percorso.",
  "map.band.physical": "Fisico",
  "map.band.digital": "Digitale",
  "map.entry": "Ingresso",
  "map.goal": "Obiettivo",
  "map.fit": "Adatta alla vista",
  "panel.journey": "Percorso",
  "panel.stages": "Fasi",
  "panel.touchpoints": "Punti di contatto",
  "panel.transitions": "Transizioni",
  "panel.events": "Eventi nel registro",
  "panel.sources": "Fonti",
  "panel.select": "Seleziona un punto di contatto per vederne i dettagli.",
  "panel.touchpoint": "Punto di contatto",
  "panel.stage": "Fase",
  "panel.channel": "Canale",
  "panel.kind": "Tipo",
  "panel.role": "Ruolo",
  "panel.next": "Porta a",
  "panel.none": "—",
  "kind.physical": "Fisico",
  "kind.digital": "Digitale",
  "channel.store": "Negozio",
  "channel.call_centre": "Call center",
  "channel.kiosk": "Totem",
  "channel.web": "Sito web",
  "channel.app": "App",
  "channel.email": "Email",
  "channel.sms": "SMS",
  "channel.chatbot": "Chatbot",
  "channel.social": "Social",
  "channel.video_call": "Videochiamata",
  "channel.other": "Altro",
  "journey.select": "Percorso",
  "language": "Lingua",
};

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, it };

export function translate(language: Language, key: MessageKey): string {
  return MESSAGES[language][key];
}

const LOCALES: Record<Language, string> = { en: "en-GB", it: "it-IT" };

export function formatCount(language: Language, n: number): string {
  return new Intl.NumberFormat(LOCALES[language]).format(n);
}

export function initialLanguage(browserLanguage: string): Language {
  return browserLanguage.toLowerCase().startsWith("it") ? "it" : "en";
}
