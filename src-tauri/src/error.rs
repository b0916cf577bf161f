//! The error every command returns: the engine's stable code and its message, so the UI reacts to
//! the code and shows the message, and never matches on text.

use percorso::ErrorCode;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// What the error is about, when the UI words its own message: for `already_imported`, the
    /// name of the source that already holds the file's content.
    pub subject: Option<String>,
}

impl From<percorso::Error> for ApiError {
    fn from(e: percorso::Error) -> Self {
        let subject = match &e {
            percorso::Error::AlreadyImported { source_name, .. } => Some(source_name.clone()),
            _ => None,
        };
        ApiError {
            code: e.code(),
            message: e.to_string(),
            subject,
        }
    }
}

impl ApiError {
    /// A background task died before answering: a bug, reported rather than hung on.
    pub fn task_failed(detail: impl std::fmt::Display) -> Self {
        ApiError {
            code: ErrorCode::Io,
            subject: None,
            message: format!("Percorso's background task failed ({detail}). Try again; if it persists, restart Percorso."),
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
