//! Phase four: validation. Rules read the [`Decision`] model (never the
//! parser) and return diagnostics; a [`Profile`] says which sections a
//! document must have and how loud each rule is.

mod diagnostic;

pub use diagnostic::{Diagnostic, Severity, Status};

use crate::model::Decision;

/// A rule set chosen per run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Its name (`standard`, `basic`, or the file's).
    pub name: String,
}

impl Profile {
    /// The built-in `standard` profile.
    pub fn standard() -> Profile {
        Profile { name: "standard".into() }
    }
}

/// Check `decision` against `profile`.
pub fn validate(decision: &Decision, profile: &Profile) -> Vec<Diagnostic> {
    let _ = (decision, profile);
    Vec::new()
}
