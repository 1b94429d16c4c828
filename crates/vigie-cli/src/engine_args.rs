//! The options every command that runs the pipeline shares: which policy, lexicons and
//! watchlist to use instead of (or on top of) the embedded defaults.

use std::path::PathBuf;

use anyhow::Context;
use vigie_engine::{Engine, EngineBuilder};

#[derive(clap::Args, Debug, Clone, Default)]
pub struct EngineArgs {
    /// Policy file (TOML) to use instead of the embedded default.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Extra lexicon file, added after the embedded ones (repeatable).
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,
    /// Watchlist file (TOML): people the platform protects (officials, journalists…).
    #[arg(long, value_name = "FILE")]
    pub watchlist: Option<PathBuf>,
    /// Classifier model file to use instead of the embedded one (see `vigie train`).
    #[arg(long, value_name = "FILE", conflicts_with = "no_classifier")]
    pub model: Option<PathBuf>,
    /// Run without the built-in classifier (lexicons and patterns only).
    #[arg(long)]
    pub no_classifier: bool,
}

fn read(path: &PathBuf, what: &str) -> anyhow::Result<(String, String)> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading {what} {}", path.display()))?;
    Ok((path.display().to_string(), text))
}

impl EngineArgs {
    pub fn builder(&self) -> anyhow::Result<EngineBuilder> {
        let mut b = Engine::builder();
        if self.no_classifier {
            b = b.without_classifier();
        }
        if let Some(p) = &self.policy {
            let (origin, text) = read(p, "policy")?;
            b = b.policy(origin, text);
        }
        for p in &self.lexicons {
            let (origin, text) = read(p, "lexicon")?;
            b = b.lexicon(origin, text);
        }
        if let Some(p) = &self.watchlist {
            let (origin, text) = read(p, "watchlist")?;
            b = b.watchlist(origin, text);
        }
        if let Some(p) = &self.model {
            let bytes =
                std::fs::read(p).with_context(|| format!("reading model {}", p.display()))?;
            b = b.model(p.display().to_string(), bytes);
        }
        Ok(b)
    }

    pub fn build(&self) -> anyhow::Result<Engine> {
        Ok(self.builder()?.build()?)
    }
}
