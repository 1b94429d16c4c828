//! `vigie users`: moderators' accounts (straight in the database, so the first admin can be
//! made before the service runs). Each account gets a role (triage, moderator, admin,
//! auditor), an argon2-hashed password, and an API token shown once.

use std::io::BufRead;

use anyhow::Context;
use vigie_store::format_time;
use vigie_store::vigie_review::Role;

use crate::serve::StoreArgs;

#[derive(clap::Subcommand, Debug)]
pub enum UsersCommand {
    /// Create an account; the password is read from the first line of standard input, the
    /// account's token is printed once on standard output and never stored.
    Create {
        #[arg(long)]
        name: String,
        /// triage, moderator, admin or auditor.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List accounts (never their passwords or tokens).
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::from_name(s)
        .ok_or_else(|| format!("unknown role {s:?} (expected triage, moderator, admin or auditor)"))
}

/// How the command line appears in the audit log.
fn actor() -> String {
    let user = std::env::var("USER").unwrap_or_else(|_| "unknown".to_string());
    format!("cli:{user}")
}

/// The first line of standard input, without its line ending.
fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

pub fn run(cmd: &UsersCommand) -> anyhow::Result<()> {
    let args = match cmd {
        UsersCommand::Create { store, .. } | UsersCommand::List { store } => store,
    };
    let config = args.config()?;
    let password = match cmd {
        UsersCommand::Create { .. } => Some(read_password()?),
        UsersCommand::List { .. } => None,
    };
    StoreArgs::runtime()?.block_on(async {
        let store = StoreArgs::open(&config).await?;
        let result = match cmd {
            UsersCommand::Create { name, role, .. } => {
                let password = password.unwrap_or_default();
                match store.create_user(name, *role, &password, &actor()).await {
                    Ok(created) => {
                        eprintln!(
                            "created {} {} ({}); its token is shown once:",
                            created.user.role, created.user.name, created.user.id
                        );
                        println!("{}", created.token);
                        Ok(())
                    }
                    Err(e) => Err(anyhow::Error::new(e).context("creating the account")),
                }
            }
            UsersCommand::List { .. } => {
                println!(
                    "{:<16}  {:<24}  {:<10}  {:<27}  disabled",
                    "id", "name", "role", "created"
                );
                for u in store.list_users().await? {
                    println!(
                        "{:<16}  {:<24}  {:<10}  {:<27}  {}",
                        u.id,
                        u.name,
                        u.role.name(),
                        format_time(u.created_at),
                        u.disabled_at
                            .map(format_time)
                            .unwrap_or_else(|| "-".to_string())
                    );
                }
                Ok(())
            }
        };
        store.close().await;
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_by_name_only() {
        assert_eq!(parse_role("moderator"), Ok(Role::Moderator));
        assert_eq!(parse_role("auditor"), Ok(Role::Auditor));
        assert!(parse_role("root").is_err());
        assert!(parse_role("Moderator").is_err());
    }
}
