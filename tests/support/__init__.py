"""What several test folders share: paths, a browser, a crawler, site snapshots."""
