//! Small building blocks shared by the pages.

pub mod badge;
pub mod error_panel;
pub mod pager;
pub mod shell;
