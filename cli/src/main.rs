//! `article-widget`: the native commands of article-widget, built from the
//! same library as the browser's widget.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod render;

/// The article-widget command line.
#[derive(Debug, Parser)]
#[command(name = "article-widget", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Render(render::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Render(args) => render::run(&args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("article-widget: {error}");
            ExitCode::FAILURE
        }
    }
}
