//! xtask's integration tests, one binary.

mod command_line;
mod fuzz;
mod generate_and_check;
mod scratch;
