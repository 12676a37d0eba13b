//! pagesift pipeline
