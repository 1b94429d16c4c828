//! `vigie eval` (being written).

#[derive(clap::Args)]
pub struct EvalArgs {}

pub fn run(_args: &EvalArgs) -> anyhow::Result<()> {
    anyhow::bail!("vigie eval is not available in this build yet")
}
