"""Browser tests: a package, so that their browser lives and ends with them (scope="package")."""
