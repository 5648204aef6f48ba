//! `article-widget`: the native commands built from the widget's library.
//!
//! One subcommand per job; each lives in its own module and owns its flags.
//!
//!   article-widget render feed.json layout=list   a pre-rendered snippet
//!   article-widget serve --allow https://news.example   the feed service

mod render;
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
    /// Pre-render a widget: a feed in, an `<article-widget>` snippet with a
    /// declarative shadow root out.
    Render(render::Args),
    /// Serve allow-listed feeds, normalised to JSON Feed 1.1, with CORS and
    /// CDN-friendly caching.
    Serve(serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render(args) => render::run(&args).map_err(|e| e.to_string()),
        Command::Serve(args) => serve::run(args).map_err(|e| e.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("article-widget: {error}");
            ExitCode::FAILURE
        }
    }
}
