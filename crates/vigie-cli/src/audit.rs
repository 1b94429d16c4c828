//! `vigie audit`: check the audit log's hash chain.

use crate::serve::StoreArgs;

#[derive(clap::Subcommand, Debug)]
pub enum AuditCommand {
    /// Check the whole hash chain; names the first broken entry and fails if there is one.
    Verify(StoreArgs),
}

pub fn run(cmd: &AuditCommand) -> anyhow::Result<()> {
    match cmd {
        AuditCommand::Verify(args) => {
            let config = args.config()?;
            let report = StoreArgs::runtime()?.block_on(async {
                let store = StoreArgs::open(&config).await?;
                let report = store.verify_audit().await;
                store.close().await;
                anyhow::Ok(report?)
            })?;
            println!("{report}");
            match report.broken {
                None => Ok(()),
                Some(b) => anyhow::bail!("audit chain broken at entry #{}", b.seq),
            }
        }
    }
}
