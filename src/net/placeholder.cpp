// Placeholder: the class-session protocol lands here.
