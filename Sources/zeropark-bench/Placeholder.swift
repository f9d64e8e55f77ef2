enum Placeholder31919 {}
