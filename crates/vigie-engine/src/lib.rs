//! The pipeline (filled in next).
