//! Phase two: the parser (placeholder until the line scanner lands).

use crate::model::{Decision, SCHEMA_VERSION};

pub(crate) fn parse_document(source: String) -> Decision {
    Decision { schema_version: SCHEMA_VERSION, source, ..Decision::default() }
}
