"""What a family of sites shares (a CMS's URLs, feeds and markup), so a site on it is a short declaration."""
