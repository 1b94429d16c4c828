//! Statements of reasons and transparency reports, as a pure library (no I/O, no async).
//!
//! - [`schema`]: the EU DSA Transparency Database's statement-of-reasons schema, read from the
//!   reference file (`data/reference/dsa_sor_enums.json`, embedded), and the validator built
//!   from its `FIELDS` rules.
//! - [`sor`]: the statement type, built from a [`sor::Restriction`] (an automated decision or
//!   a moderator's decision), with no personal data in it.
//! - [`figures`]: a transparency report's figures and their three renderings (HTML with
//!   server-rendered SVG charts, CSV, JSON), all from the same [`figures::Figures`].

pub mod figures;
pub mod schema;
pub mod sor;

pub use figures::Figures;
pub use schema::{Schema, SchemaError, Violation};
pub use sor::{
    Decider, DetectionSource, Restriction, SorConfig, SorError, StatementOfReasons,
    puid_for_case_decision, puid_for_decision, validate_json,
};
