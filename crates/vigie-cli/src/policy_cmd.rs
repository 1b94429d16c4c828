//! `vigie policy …`: work with policy files.

use std::path::PathBuf;

use anyhow::Context;
use vigie_policy::{Mode, Policy};

#[derive(clap::Subcommand)]
pub enum PolicyCommand {
    /// Validate a policy file and print its rules (exit status 1 when it is refused).
    Check {
        /// The policy file (TOML); the embedded default when absent.
        file: Option<PathBuf>,
    },
}

pub fn run(cmd: &PolicyCommand) -> anyhow::Result<()> {
    match cmd {
        PolicyCommand::Check { file } => check(file.as_ref()),
    }
}

fn check(file: Option<&PathBuf>) -> anyhow::Result<()> {
    let (origin, text) = match file {
        Some(path) => (
            path.display().to_string(),
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?,
        ),
        None => (
            "embedded default".to_string(),
            vigie_engine::DEFAULT_POLICY.to_string(),
        ),
    };
    // The error already names the file, the rule and the reason.
    let policy = Policy::from_toml(&origin, &text)?;
    crate::outln!("{origin}: policy \"{}\" is valid", policy.name())?;
    crate::outln!("version {}", policy.version())?;
    if !policy.description().is_empty() {
        crate::outln!("{}", policy.description())?;
    }
    crate::outln!("")?;
    for (i, rule) in policy.rules().iter().enumerate() {
        let mode = match rule.mode() {
            Mode::Enforce => "enforce",
            Mode::Shadow => "SHADOW",
        };
        crate::outln!(
            "{:>2}. {} [{mode}] → {} (reason {}{})",
            i + 1,
            rule.id(),
            rule.action(),
            rule.reason_code(),
            rule.category()
                .map(|c| format!(", category {c}"))
                .unwrap_or_default()
        )?;
        if !rule.description().is_empty() {
            crate::outln!("    {}", rule.description())?;
        }
        crate::outln!(
            "    when {}",
            rule.when().split_whitespace().collect::<Vec<_>>().join(" ")
        )?;
        if let Some(guard) = rule.guard() {
            crate::outln!("    fast guard: {guard}")?;
        }
    }
    Ok(())
}
