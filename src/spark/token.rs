//! Where a Spark token comes from: the environment variable [`TOKEN_VARIABLE`], otherwise the
//! system keyring (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows),
//! under service [`KEYRING_SERVICE`] and the server's `host:port`. Never a file: the workspace
//! stores the address without it.

use keyring::Entry;

use super::{SparkSource, TOKEN_VARIABLE};
use crate::error::{Error, Result};

/// The keyring service that Percorso's Spark tokens are kept under.
pub const KEYRING_SERVICE: &str = "percorso-spark";

/// Where the token used for a connection came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenOrigin {
    Environment,
    Keyring,
}

impl SparkSource {
    fn keyring_entry(&self) -> Result<Entry> {
        Entry::new(KEYRING_SERVICE, &self.host_port()).map_err(keyring_error)
    }

    /// The token for this server and where it came from: the environment variable first, then
    /// the keyring. A keyring that cannot be reached counts as holding none (a cluster that
    /// needs a token then says so).
    pub fn token(&self) -> Option<(String, TokenOrigin)> {
        if let Ok(token) = std::env::var(TOKEN_VARIABLE) {
            if !token.is_empty() {
                return Some((token, TokenOrigin::Environment));
            }
        }
        let token = self.keyring_entry().ok()?.get_password().ok()?;
        (!token.is_empty()).then_some((token, TokenOrigin::Keyring))
    }

    /// Keeps `token` in the system keyring for this server, replacing an older one.
    pub fn remember_token(&self, token: &str) -> Result<()> {
        let token = token.trim();
        if token.is_empty() {
            return Err(Error::InvalidInput(
                "the token is empty; paste the token your cluster's administrator gave you"
                    .to_owned(),
            ));
        }
        self.keyring_entry()?
            .set_password(token)
            .map_err(keyring_error)
    }

    /// Removes this server's token from the system keyring; `false` when it held none.
    pub fn forget_token(&self) -> Result<bool> {
        match self.keyring_entry()?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(keyring_error(e)),
        }
    }
}

fn keyring_error(e: keyring::Error) -> Error {
    Error::Keyring {
        detail: e.to_string(),
    }
}
