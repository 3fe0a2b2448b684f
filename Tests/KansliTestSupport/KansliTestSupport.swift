// KansliTestSupport: helpers every test target may use — temporary directories, generated keys,
// and starting a service executable as a real process on a free port.
// It holds no assertions of its own and is never linked into a product.
