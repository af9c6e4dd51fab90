//! The parser's one error type. Parsers here only ever say "not this", so
//! the cheapest error nom offers is enough; what went wrong for a user is
//! recorded as a [`crate::ParseNote`] by the caller, never as a nom error.

/// Result of one small parser.
pub(crate) type PResult<'a, O> = nom::IResult<&'a str, O, nom::error::Error<&'a str>>;
