// Placeholder: the editor document lands here (removed when its first real file exists).
