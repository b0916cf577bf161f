fn main() {
    // Every command the UI may call is listed here; tauri-build turns each into an
    // `allow-<command>` permission that capabilities/main.json grants explicitly.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "workspace_summary",
        "journey",
        "report",
        "customer_path",
        "import_detect",
        "import_preview",
        "import_run",
        "import_cancel",
        "rejected_rows",
        "export_rejected",
        "map_value",
        "create_touchpoint",
        "timezones",
        "replay",
        "export_map",
        "export_report",
        "customers",
        "export_customers",
        "touchpoint_histogram",
        "prepare_analysis",
        "dimensions",
        "timeline",
        "customer_summary",
        "apply_edit",
        "undo",
        "redo",
        "history",
        "journey_warnings",
        "templates",
        "new_journey",
        "delete_journey",
        "export_journey",
        "import_journey",
        "open_workspace",
        "new_workspace",
        "save_workspace_as",
        "recent_workspaces",
        "forget_recent",
    ]);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        println!("cargo::error={e}");
    }
}
