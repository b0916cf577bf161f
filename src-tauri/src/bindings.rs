//! The TypeScript side of everything that crosses from Rust to the UI, generated from Rust so the
//! two can never silently disagree: the types (`ui/src/generated/types.ts`) and one typed function
//! per Tauri command (`ui/src/generated/commands.ts`, the only UI module that calls `invoke`). The
//! commands come from the one list in [`crate::commands`] that also registers them with Tauri, so
//! a command cannot be registered without its TypeScript function. The test below fails when a
//! generated file is stale; `UPDATE_BINDINGS=1 cargo test -p percorso-app bindings` rewrites them.

use percorso::analytics::{
    AttributeValues, Bin, ChangeMetric, ChangePeriods, Changes, ChurnedAt, Cohort, Cohorts,
    ComparedPeriod, CustomerEvent, CustomerPage, CustomerPath, CustomerQuery, CustomerRow,
    CustomerSort, Differences, Dimensions, DiscoveredValue, Discovery, Edge, EdgeChange, Histogram,
    LoadProgress, LoadStep, Node, NodeChange, Params, Period, PeriodReport, PlaceRef, Replay,
    Report, Retention, Segment, StageFunnel, StageSuggestion, Status, Timeline, Trend, Unmapped,
    Variant,
};
use percorso::edit::{Created, Edit, EditKind, Edited, History, PastedTransition, TouchpointField};
use percorso::import::{
    ColumnRole, Compression, CustomerBasis, Detection, Encoding, ExportShape, ImportPhase,
    ImportSettings, ImportSummary, LogFormat, Overrides, Progress, RejectedRow, TimestampFormat,
    TimestampPreview, UnmappedValue,
};
use percorso::journey::{
    JourneyId, Kpi, Note, NoteId, NoteKind, NoteTarget, Opportunity, OpportunityStatus, Persona,
    PersonaId, StageId, Story, StoryId, StorySlide, TouchpointId, TransitionId, ViewId,
};
use percorso::spark::{Columns, SparkProgress, SparkSource};
use percorso::templates::TemplateInfo;
use percorso::view::{CompareState, SavedView, ViewState, Viewport};
use percorso::workspace::{RejectedPage, SourceSummary};
use percorso::Warning;
use percorso::WorkspaceSummary;
use percorso::{Channel, ErrorCode, Journey, JourneySummary, Kind, Stage, Touchpoint, Transition};
use std::collections::BTreeSet;
use std::marker::PhantomData;

use serde::Serialize;
use ts_rs::{Config, TS};

use crate::api::export::{DataFormat, MapFormat};
use crate::api::files::RecentWorkspace;
use crate::error::ApiError;
use percorso::export::html::{
    HtmlFigure, HtmlLabels, HtmlMap, HtmlPage, HtmlSlide, HtmlStage, HtmlStory, HtmlTouchpoint,
};

/// Path of the generated types, relative to this crate.
pub const GENERATED: &str = "../ui/src/generated/types.ts";
/// Path of the generated command functions, relative to this crate.
pub const COMMANDS: &str = "../ui/src/generated/commands.ts";
/// Path of the generated constants, relative to this crate.
pub const CONSTANTS: &str = "../ui/src/generated/constants.ts";

/// How TypeScript spells the Rust types: 64-bit integers are plain numbers (ids and counts stay
/// far below 2^53).
fn config() -> Config {
    Config::new().with_large_int("number")
}

/// One exported TypeScript declaration and the name it declares.
struct Declaration {
    name: String,
    text: String,
}

fn declaration<T: TS>(cfg: &Config) -> Declaration {
    Declaration {
        name: T::ident(cfg),
        text: format!("export {}\n", T::decl(cfg)),
    }
}

/// The generated types module, in a stable order.
pub fn typescript() -> String {
    let text: Vec<String> = declarations(&config())
        .into_iter()
        .map(|d| d.text)
        .collect();
    format!(
        "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand:\n// run `UPDATE_BINDINGS=1 cargo test -p percorso-app bindings` after changing them.\n\n{}",
        text.join("\n")
    )
}

fn declarations(cfg: &Config) -> Vec<Declaration> {
    vec![
        declaration::<ApiError>(cfg),
        declaration::<ErrorCode>(cfg),
        declaration::<JourneyId>(cfg),
        declaration::<StageId>(cfg),
        declaration::<TouchpointId>(cfg),
        declaration::<TransitionId>(cfg),
        declaration::<PersonaId>(cfg),
        declaration::<Kind>(cfg),
        declaration::<Channel>(cfg),
        declaration::<Stage>(cfg),
        declaration::<OpportunityStatus>(cfg),
        declaration::<Opportunity>(cfg),
        declaration::<Kpi>(cfg),
        declaration::<Touchpoint>(cfg),
        declaration::<Persona>(cfg),
        declaration::<ViewId>(cfg),
        declaration::<Viewport>(cfg),
        declaration::<CompareState>(cfg),
        declaration::<ViewState>(cfg),
        declaration::<SavedView>(cfg),
        declaration::<NoteId>(cfg),
        declaration::<NoteKind>(cfg),
        declaration::<NoteTarget>(cfg),
        declaration::<Note>(cfg),
        declaration::<StoryId>(cfg),
        declaration::<StorySlide>(cfg),
        declaration::<Story>(cfg),
        declaration::<Transition>(cfg),
        declaration::<Journey>(cfg),
        declaration::<JourneySummary>(cfg),
        declaration::<Warning>(cfg),
        declaration::<TouchpointField>(cfg),
        declaration::<PastedTransition>(cfg),
        declaration::<Edit>(cfg),
        declaration::<Created>(cfg),
        declaration::<History>(cfg),
        declaration::<Edited>(cfg),
        declaration::<TemplateInfo>(cfg),
        declaration::<SourceSummary>(cfg),
        declaration::<WorkspaceSummary>(cfg),
        declaration::<RecentWorkspace>(cfg),
        declaration::<Segment>(cfg),
        declaration::<Params>(cfg),
        declaration::<Node>(cfg),
        declaration::<Edge>(cfg),
        declaration::<StageFunnel>(cfg),
        declaration::<Unmapped>(cfg),
        declaration::<Report>(cfg),
        declaration::<LoadStep>(cfg),
        declaration::<LoadProgress>(cfg),
        declaration::<Columns>(cfg),
        declaration::<SparkSource>(cfg),
        declaration::<SparkProgress>(cfg),
        declaration::<DiscoveredValue>(cfg),
        declaration::<Discovery>(cfg),
        declaration::<StageSuggestion>(cfg),
        declaration::<Variant>(cfg),
        declaration::<Period>(cfg),
        declaration::<PeriodReport>(cfg),
        declaration::<Trend>(cfg),
        declaration::<Retention>(cfg),
        declaration::<ChurnedAt>(cfg),
        declaration::<Cohort>(cfg),
        declaration::<Cohorts>(cfg),
        declaration::<ChangePeriods>(cfg),
        declaration::<ComparedPeriod>(cfg),
        declaration::<EdgeChange>(cfg),
        declaration::<ChangeMetric>(cfg),
        declaration::<NodeChange>(cfg),
        declaration::<Changes>(cfg),
        declaration::<Differences>(cfg),
        declaration::<CustomerEvent>(cfg),
        declaration::<CustomerPath>(cfg),
        declaration::<Status>(cfg),
        declaration::<PlaceRef>(cfg),
        declaration::<CustomerSort>(cfg),
        declaration::<CustomerQuery>(cfg),
        declaration::<CustomerRow>(cfg),
        declaration::<CustomerPage>(cfg),
        declaration::<Bin>(cfg),
        declaration::<Histogram>(cfg),
        declaration::<AttributeValues>(cfg),
        declaration::<Dimensions>(cfg),
        declaration::<Timeline>(cfg),
        declaration::<Encoding>(cfg),
        declaration::<LogFormat>(cfg),
        declaration::<Compression>(cfg),
        declaration::<ColumnRole>(cfg),
        declaration::<TimestampFormat>(cfg),
        declaration::<ImportSettings>(cfg),
        declaration::<Overrides>(cfg),
        declaration::<TimestampPreview>(cfg),
        declaration::<ExportShape>(cfg),
        declaration::<CustomerBasis>(cfg),
        declaration::<Detection>(cfg),
        declaration::<ImportPhase>(cfg),
        declaration::<Progress>(cfg),
        declaration::<UnmappedValue>(cfg),
        declaration::<ImportSummary>(cfg),
        declaration::<RejectedRow>(cfg),
        declaration::<RejectedPage>(cfg),
        declaration::<Replay>(cfg),
        declaration::<MapFormat>(cfg),
        declaration::<HtmlFigure>(cfg),
        declaration::<HtmlTouchpoint>(cfg),
        declaration::<HtmlMap>(cfg),
        declaration::<HtmlStage>(cfg),
        declaration::<HtmlSlide>(cfg),
        declaration::<HtmlStory>(cfg),
        declaration::<HtmlLabels>(cfg),
        declaration::<HtmlPage>(cfg),
        declaration::<DataFormat>(cfg),
        declaration::<percorso::render::Paper>(cfg),
        declaration::<percorso::export::ReportTable>(cfg),
        declaration::<EditKind>(cfg),
        declaration::<EditKindLabel>(cfg),
        declaration::<Slots>(cfg),
    ]
}

/// Where the engine puts the touchpoints of a band (`percorso::layout`), for the editor to place
/// new ones the same way.
#[derive(Serialize, TS)]
struct Slots {
    /// Offset of the left slots from the lane's left edge.
    left: f64,
    /// How much further right every other row sits.
    stagger: f64,
    /// Offset of the first row from the band's top.
    top: f64,
    /// Distance between rows.
    row: f64,
}

/// A kind of edit and the label the engine stores with it in the undo history.
#[derive(Serialize, TS)]
struct EditKindLabel {
    kind: EditKind,
    label: String,
}

fn constant<T: TS + Serialize>(
    cfg: &Config,
    doc: &str,
    name: &str,
    value: &T,
) -> serde_json::Result<String> {
    Ok(format!(
        "/** {doc} */\nexport const {name}: {} = {};\n",
        T::name(cfg),
        serde_json::to_string_pretty(value)?
    ))
}

/// The generated constants module: values the UI needs from the engine, never copied by hand.
pub fn constants_typescript() -> serde_json::Result<String> {
    let cfg = &config();
    let slots = Slots {
        left: percorso::layout::LEFT,
        stagger: percorso::layout::STAGGER,
        top: percorso::layout::TOP,
        row: percorso::layout::ROW,
    };
    let edit_kinds: Vec<EditKindLabel> = EditKind::ALL
        .iter()
        .map(|&kind| EditKindLabel {
            kind,
            label: kind.label().to_owned(),
        })
        .collect();
    let constants = [
        constant(
            cfg,
            "The slots of a band, as src/layout.rs places touchpoints.",
            "SLOTS",
            &slots,
        )?,
        constant(
            cfg,
            "What a report asks when nothing is filtered.",
            "DEFAULT_PARAMS",
            &Params::default(),
        )?,
        constant(
            cfg,
            "Every column role, in the order the wizard offers them.",
            "COLUMN_ROLES",
            &ColumnRole::ALL.to_vec(),
        )?,
        constant(
            cfg,
            "The roles an import cannot do without.",
            "REQUIRED_ROLES",
            &ColumnRole::REQUIRED.to_vec(),
        )?,
        constant(
            cfg,
            "The roles at most one column can have.",
            "SINGLE_ROLES",
            &ColumnRole::SINGLE.to_vec(),
        )?,
        constant(
            cfg,
            "Every text encoding an import reads.",
            "ENCODINGS",
            &Encoding::ALL.to_vec(),
        )?,
        constant(
            cfg,
            "The fixed timestamp formats, in the order detection tries them.",
            "TIMESTAMP_FORMATS",
            &TimestampFormat::candidates(),
        )?,
        constant(
            cfg,
            "Every kind of edit with the label the undo history stores.",
            "EDIT_KINDS",
            &edit_kinds,
        )?,
        constant(
            cfg,
            "The stage of the touchpoints an import makes from log values when there is no map.",
            "UNASSIGNED_STAGE",
            &percorso::journey::UNASSIGNED_STAGE.to_owned(),
        )?,
        constant(
            cfg,
            "The most stages a discovered journey can have.",
            "DISCOVER_MAX_STAGES",
            &percorso::analytics::MAX_STAGES,
        )?,
    ];
    Ok(format!(
        "// Generated from the engine by src-tauri/src/bindings.rs. Do not edit by hand:\n// run `UPDATE_BINDINGS=1 cargo test -p percorso-app bindings` after changing them.\n\nimport type {{ ColumnRole, EditKindLabel, Encoding, Params, Slots, TimestampFormat }} from \"./types\";\n\n{}",
        constants.join("\n")
    ))
}

/// A Tauri command as TypeScript calls it.
pub struct Command {
    /// The command's name, as Rust spells it and `invoke` sends it.
    pub name: &'static str,
    /// Each argument's Rust name and TypeScript type, in order.
    pub args: Vec<(&'static str, String)>,
    /// The TypeScript type of a successful answer; failures reject with `ApiError`.
    pub returns: String,
}

/// The TypeScript type of a command's argument or answer, as `(&Ts::<T>::new()).ts(cfg)`:
/// a Tauri `Channel<T>` argument and an `ApiResult<T>` answer are spelled by [`WrapperTs`], every
/// other type by its ts-rs name through [`PlainTs`]. (Method lookup tries `WrapperTs` first, as it
/// takes `&Ts<T>` where `PlainTs` takes `&&Ts<T>`; two impls of one trait would overlap.)
pub struct Ts<T>(PhantomData<T>);

impl<T> Ts<T> {
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        Self(PhantomData)
    }
}

pub trait WrapperTs {
    fn ts(&self, cfg: &Config) -> String;
}

impl<T: TS> WrapperTs for Ts<tauri::ipc::Channel<T>> {
    fn ts(&self, cfg: &Config) -> String {
        format!("IpcChannel<{}>", T::name(cfg))
    }
}

impl<T: TS> WrapperTs for Ts<crate::error::ApiResult<T>> {
    fn ts(&self, cfg: &Config) -> String {
        T::name(cfg)
    }
}

pub trait PlainTs {
    fn ts(&self, cfg: &Config) -> String;
}

impl<T: TS> PlainTs for &Ts<T> {
    fn ts(&self, cfg: &Config) -> String {
        T::name(cfg)
    }
}

/// Declares the Tauri commands once: registers them (`handler`), describes them for TypeScript
/// (`commands`), and checks at compile time that the declared types are the functions' own.
/// Each line is `KIND NAME [in MODULE](ARG: TYPE, ...) -> RETURN;` where KIND is `async` (an async
/// command taking the app state first), `sync` (a plain function taking the state first) or
/// `stateless` (a plain function without it).
macro_rules! declare_commands {
    ($($kind:tt $name:ident $(in $module:ident)? ($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty;)*) => {
        /// The invoke handler of every command.
        pub fn handler<R: tauri::Runtime>(
        ) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($($module::)? $name),*]
        }

        /// Every command as TypeScript calls it, in the order declared.
        pub fn commands(cfg: &ts_rs::Config) -> Vec<$crate::bindings::Command> {
            #[allow(unused_imports)]
            use $crate::bindings::{PlainTs as _, Ts, WrapperTs as _};
            vec![$($crate::bindings::Command {
                name: stringify!($name),
                args: vec![$((stringify!($arg), (&Ts::<$ty>::new()).ts(cfg))),*],
                returns: (&Ts::<$ret>::new()).ts(cfg),
            }),*]
        }

        /// Compiles only if each command takes and returns exactly the declared types.
        #[allow(dead_code, clippy::too_many_arguments)]
        mod declared_types_are_the_commands_own {
            use super::*;
            $($crate::bindings::declare_commands!(@check $kind $name $(in $module)? ($($arg: $ty),*) -> $ret);)*
        }
    };
    (@check async $name:ident $(in $module:ident)? ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        async fn $name(state: tauri::State<'_, AppState>, $($arg: $ty),*) -> $ret {
            super::$($module::)? $name(state, $($arg),*).await
        }
    };
    (@check sync $name:ident $(in $module:ident)? ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        fn $name(state: tauri::State<'_, AppState>, $($arg: $ty),*) -> $ret {
            super::$($module::)? $name(state, $($arg),*)
        }
    };
    (@check stateless $name:ident $(in $module:ident)? ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        fn $name($($arg: $ty),*) -> $ret {
            super::$($module::)? $name($($arg),*)
        }
    };
}
pub(crate) use declare_commands;

fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The names a TypeScript type expression uses (`Array<Warning> | null` uses `Array`, `Warning`).
fn names_in(ts: &str) -> impl Iterator<Item = &str> {
    ts.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
}

/// One function per command: Tauri takes the arguments in camelCase, so does the function.
fn command_function(command: &Command) -> String {
    let params: Vec<String> = command
        .args
        .iter()
        .map(|(name, ts)| format!("{}: {ts}", camel_case(name)))
        .collect();
    let keys: Vec<String> = command
        .args
        .iter()
        .map(|(name, _)| camel_case(name))
        .collect();
    let payload = if keys.is_empty() {
        String::new()
    } else {
        format!(", {{ {} }}", keys.join(", "))
    };
    format!(
        "export function {}({}): Promise<{}> {{\n  return invoke<{}>(\"{}\"{payload});\n}}\n",
        camel_case(command.name),
        params.join(", "),
        command.returns,
        command.returns,
        command.name,
    )
}

/// The generated commands module: the type imports it needs, then one function per command.
pub fn commands_typescript() -> String {
    let cfg = config();
    let declared: BTreeSet<String> = declarations(&cfg).into_iter().map(|d| d.name).collect();
    let commands = crate::commands::commands(&cfg);
    let used: BTreeSet<&str> = commands
        .iter()
        .flat_map(|c| {
            c.args
                .iter()
                .map(|(_, ts)| ts.as_str())
                .chain([c.returns.as_str()])
        })
        .flat_map(names_in)
        .filter(|name| declared.contains(*name))
        .collect();
    let functions: Vec<String> = commands.iter().map(command_function).collect();
    let functions = functions.join("\n");
    let channel = if functions.contains("IpcChannel<") {
        ", type Channel as IpcChannel"
    } else {
        ""
    };
    format!(
        "// Generated from the Tauri commands by src-tauri/src/bindings.rs. Do not edit by hand:\n// run `UPDATE_BINDINGS=1 cargo test -p percorso-app bindings` after changing them.\n// The only module that calls `invoke`; a command that fails rejects with an ApiError.\n\nimport {{ invoke{channel} }} from \"@tauri-apps/api/core\";\nimport type {{ {} }} from \"./types\";\n\n{functions}",
        used.into_iter().collect::<Vec<_>>().join(", "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn assert_up_to_date(generated: &str, expected: String) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(generated);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &expected).unwrap();
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "{} is stale: a Rust type or command that crosses to TypeScript changed. Run `UPDATE_BINDINGS=1 cargo test -p percorso-app bindings` and commit the result.",
            path.display()
        );
    }

    #[test]
    fn generated_typescript_bindings_are_up_to_date() {
        assert_up_to_date(GENERATED, typescript());
    }

    #[test]
    fn generated_command_bindings_are_up_to_date() {
        assert_up_to_date(COMMANDS, commands_typescript());
    }

    #[test]
    fn generated_constants_are_up_to_date() {
        assert_up_to_date(CONSTANTS, constants_typescript().unwrap());
    }

    #[test]
    fn every_type_a_command_uses_is_generated() {
        let cfg = config();
        let declared: BTreeSet<String> = declarations(&cfg).into_iter().map(|d| d.name).collect();
        let builtin = ["string", "number", "boolean", "null", "Array", "IpcChannel"];
        for command in crate::commands::commands(&cfg) {
            let types = command
                .args
                .iter()
                .map(|(_, ts)| ts.clone())
                .chain([command.returns]);
            for ts in types {
                for name in names_in(&ts) {
                    assert!(
                        builtin.contains(&name) || declared.contains(name),
                        "command {} uses {name}, which bindings.rs does not declare",
                        command.name
                    );
                }
            }
        }
    }

    #[test]
    fn command_names_are_unique() {
        let commands = crate::commands::commands(&config());
        let names: BTreeSet<&str> = commands.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), commands.len());
    }

    /// A command is callable only when build.rs names it (tauri-build makes its permission) and
    /// the window's capability grants it; the three lists must name the same commands.
    #[test]
    fn every_command_is_permitted_and_nothing_else() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let declared: BTreeSet<String> = crate::commands::commands(&config())
            .iter()
            .map(|c| c.name.to_string())
            .collect();
        let build = std::fs::read_to_string(root.join("build.rs")).unwrap();
        let listed = build
            .split_once(".commands(&[")
            .and_then(|(_, rest)| rest.split_once("]"))
            .unwrap()
            .0;
        let built: BTreeSet<String> = listed
            .split(',')
            .map(|s| s.trim().trim_matches('"').to_string())
            .filter(|s| !s.is_empty())
            .collect();
        assert_eq!(built, declared, "build.rs and declare_commands! differ");
        let capability: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("capabilities/main.json")).unwrap(),
        )
        .unwrap();
        let granted: BTreeSet<String> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
            .map(|p| p.replace('-', "_"))
            .collect();
        assert_eq!(
            granted, declared,
            "capabilities/main.json and declare_commands! differ"
        );
    }
}
