//! The error every command returns: the engine's stable code, its parameters and its English
//! message. The UI reacts to the code, never to the text, and words the message in the user's
//! language from the code and the parameters (`ui/src/errors.ts`); the English text is what it
//! shows for a code it has no words of its own for.

use std::collections::BTreeMap;

use percorso::ErrorCode;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// What the error is about, by name (`path`, `column`, `source`…; see
    /// `percorso::Error::params`).
    pub params: BTreeMap<String, String>,
}

impl From<percorso::Error> for ApiError {
    fn from(e: percorso::Error) -> Self {
        ApiError {
            code: e.code(),
            message: e.to_string(),
            params: e
                .params()
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        }
    }
}

impl ApiError {
    /// A background task died before answering: a bug, reported rather than hung on.
    pub fn task_failed(detail: impl std::fmt::Display) -> Self {
        ApiError {
            code: ErrorCode::TaskFailed,
            params: BTreeMap::from([("detail".to_owned(), detail.to_string())]),
            message: format!("Percorso's background task failed ({detail}). Try again; if it persists, restart Percorso."),
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
