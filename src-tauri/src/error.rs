//! The error every command returns: the engine's stable code and its message, so the UI reacts to
//! the code and shows the message, and never matches on text.

use percorso::ErrorCode;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<percorso::Error> for ApiError {
    fn from(e: percorso::Error) -> Self {
        ApiError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

impl ApiError {
    /// A background task died before answering: a bug, reported rather than hung on.
    pub fn task_failed(detail: impl std::fmt::Display) -> Self {
        ApiError {
            code: ErrorCode::Io,
            message: format!("Percorso's background task failed ({detail}). Try again; if it persists, restart Percorso."),
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
