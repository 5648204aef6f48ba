//! `article-widget`: the native command built from the widget's library.
//!
//! One subcommand per job; each lives in its own module and owns its flags.
//!
//!   article-widget serve --allow https://news.example   the feed service

mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The native side of `<article-widget>`.
#[derive(Debug, Parser)]
#[command(name = "article-widget", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve allow-listed feeds, normalised to JSON Feed 1.1, with CORS and
    /// CDN-friendly caching.
    Serve(serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => serve::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("article-widget: {error}");
            ExitCode::FAILURE
        }
    }
}
