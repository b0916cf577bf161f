//! The TypeScript types of everything that crosses from Rust to the UI, generated from the Rust
//! types so the two can never silently disagree. The test below fails when
//! `ui/src/generated/types.ts` is stale; `UPDATE_BINDINGS=1 cargo test -p percorso-app bindings`
//! rewrites it.

use percorso::analytics::{
    AttributeValues, Bin, CustomerEvent, CustomerPage, CustomerPath, CustomerQuery, CustomerRow,
    CustomerSort, Dimensions, Edge, Histogram, Node, Params, PlaceRef, Replay, Report, Segment,
    StageFunnel, Status, Timeline, Unmapped,
};
use percorso::edit::{Created, Edit, Edited, History, PastedTransition, TouchpointField};
use percorso::import::{
    ColumnRole, Detection, Encoding, ImportPhase, ImportSettings, ImportSummary, Overrides,
    Progress, RejectedRow, TimestampFormat, TimestampPreview, UnmappedValue,
};
use percorso::journey::{
    JourneyId, Kpi, Opportunity, OpportunityStatus, Persona, PersonaId, StageId, TouchpointId,
    TransitionId,
};
use percorso::templates::TemplateInfo;
use percorso::workspace::{RejectedPage, SourceSummary};
use percorso::Warning;
use percorso::WorkspaceSummary;
use percorso::{Channel, ErrorCode, Journey, JourneySummary, Kind, Stage, Touchpoint, Transition};
use ts_rs::{Config, TS};

use crate::api::export::{DataFormat, MapFormat};
use crate::api::files::RecentWorkspace;
use crate::error::ApiError;

/// Path of the generated file, relative to this crate.
pub const GENERATED: &str = "../ui/src/generated/types.ts";

fn declaration<T: TS>(cfg: &Config) -> String {
    format!("export {}\n", T::decl(cfg))
}

/// The generated TypeScript module, in a stable order.
pub fn typescript() -> String {
    let cfg = Config::new().with_large_int("number");
    let declarations = [
        declaration::<ApiError>(&cfg),
        declaration::<ErrorCode>(&cfg),
        declaration::<JourneyId>(&cfg),
        declaration::<StageId>(&cfg),
        declaration::<TouchpointId>(&cfg),
        declaration::<TransitionId>(&cfg),
        declaration::<PersonaId>(&cfg),
        declaration::<Kind>(&cfg),
        declaration::<Channel>(&cfg),
        declaration::<Stage>(&cfg),
        declaration::<OpportunityStatus>(&cfg),
        declaration::<Opportunity>(&cfg),
        declaration::<Kpi>(&cfg),
        declaration::<Touchpoint>(&cfg),
        declaration::<Persona>(&cfg),
        declaration::<Transition>(&cfg),
        declaration::<Journey>(&cfg),
        declaration::<JourneySummary>(&cfg),
        declaration::<Warning>(&cfg),
        declaration::<TouchpointField>(&cfg),
        declaration::<PastedTransition>(&cfg),
        declaration::<Edit>(&cfg),
        declaration::<Created>(&cfg),
        declaration::<History>(&cfg),
        declaration::<Edited>(&cfg),
        declaration::<TemplateInfo>(&cfg),
        declaration::<SourceSummary>(&cfg),
        declaration::<WorkspaceSummary>(&cfg),
        declaration::<RecentWorkspace>(&cfg),
        declaration::<Segment>(&cfg),
        declaration::<Params>(&cfg),
        declaration::<Node>(&cfg),
        declaration::<Edge>(&cfg),
        declaration::<StageFunnel>(&cfg),
        declaration::<Unmapped>(&cfg),
        declaration::<Report>(&cfg),
        declaration::<CustomerEvent>(&cfg),
        declaration::<CustomerPath>(&cfg),
        declaration::<Status>(&cfg),
        declaration::<PlaceRef>(&cfg),
        declaration::<CustomerSort>(&cfg),
        declaration::<CustomerQuery>(&cfg),
        declaration::<CustomerRow>(&cfg),
        declaration::<CustomerPage>(&cfg),
        declaration::<Bin>(&cfg),
        declaration::<Histogram>(&cfg),
        declaration::<AttributeValues>(&cfg),
        declaration::<Dimensions>(&cfg),
        declaration::<Timeline>(&cfg),
        declaration::<Encoding>(&cfg),
        declaration::<ColumnRole>(&cfg),
        declaration::<TimestampFormat>(&cfg),
        declaration::<ImportSettings>(&cfg),
        declaration::<Overrides>(&cfg),
        declaration::<TimestampPreview>(&cfg),
        declaration::<Detection>(&cfg),
        declaration::<ImportPhase>(&cfg),
        declaration::<Progress>(&cfg),
        declaration::<UnmappedValue>(&cfg),
        declaration::<ImportSummary>(&cfg),
        declaration::<RejectedRow>(&cfg),
        declaration::<RejectedPage>(&cfg),
        declaration::<Replay>(&cfg),
        declaration::<MapFormat>(&cfg),
        declaration::<DataFormat>(&cfg),
        declaration::<percorso::render::Paper>(&cfg),
        declaration::<percorso::export::ReportTable>(&cfg),
    ];
    format!(
        "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand:\n// run `UPDATE_BINDINGS=1 cargo test -p percorso-app bindings` after changing them.\n\n{}",
        declarations.join("\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn generated_typescript_bindings_are_up_to_date() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(GENERATED);
        let expected = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &expected).unwrap();
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "{} is stale: a Rust type that crosses to TypeScript changed. Run `UPDATE_BINDINGS=1 cargo test -p percorso-app bindings` and commit the result.",
            path.display()
        );
    }
}
