//! End-to-end tests of the `pagesift` binary and of the composed pipeline.

mod cli;
mod inputs;
mod quality;
mod util;
