//! Small building blocks shared by the pages.

pub mod badge;
pub mod copy;
pub mod countdown;
pub mod error_panel;
pub mod form;
pub mod pager;
pub mod shell;
pub mod wizard;
