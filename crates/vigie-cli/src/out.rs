//! Writing to standard output from commands whose output is often piped into `head` or `less`:
//! a closed pipe ends the command quietly instead of panicking as `println!` would.

use std::io::Write;

/// Writes `text` to standard output. A closed pipe exits the process with status 0: the reader
/// has all it wanted.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(e.into()),
    }
}

/// `println!` that returns errors instead of panicking on a closed pipe.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::out::print(&format!("{}\n", format_args!($($arg)*)))
    };
}
