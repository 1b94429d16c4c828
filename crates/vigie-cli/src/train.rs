//! `vigie train` (being written).

#[derive(clap::Args)]
pub struct TrainArgs {}

pub fn run(_args: &TrainArgs) -> anyhow::Result<()> {
    anyhow::bail!("vigie train is not available in this build yet")
}
