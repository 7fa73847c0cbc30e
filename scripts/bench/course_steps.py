"""numpy side of the training-step benchmark: the same two loops as course-steps.ts, written as
the course writes them. Prints one JSON line: microseconds per step for each workload.
Usage: python3 scripts/bench/course_steps.py [circles_steps] [adam_epochs]"""
import json, sys, time
import numpy as np

def he(layers, seed=3):
    np.random.seed(seed)
    p = {}
    for l in range(1, len(layers)):
        p["W%d" % l] = np.random.randn(layers[l], layers[l - 1]) * np.sqrt(2 / layers[l - 1])
        p["b%d" % l] = np.zeros((layers[l], 1))
    return p

def forward(p, X, L):
    caches = [X]
    A = X
    for l in range(1, L):
        Z = np.dot(p["W%d" % l], A) + p["b%d" % l]
        A = np.maximum(0, Z) if l < L - 1 else 1 / (1 + np.exp(-Z))
        caches.append(A)
    return A, caches

def backward(p, caches, Y, L):
    m = Y.shape[1]
    g = {}
    dZ = caches[-1] - Y
    for l in range(L - 1, 0, -1):
        A_prev = caches[l - 1]
        g["dW%d" % l] = 1. / m * np.dot(dZ, A_prev.T)
        g["db%d" % l] = 1. / m * np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            dA = np.dot(p["W%d" % l].T, dZ)
            dZ = np.multiply(dA, np.int64(A_prev > 0))
    return g

def cost(A, Y):
    m = Y.shape[1]
    return 1. / m * np.nansum(-(Y * np.log(A) + (1 - Y) * np.log(1 - A)))

def circles(steps):
    np.random.seed(1)
    X = np.random.randn(2, 300)
    Y = (np.sum(X ** 2, axis=0, keepdims=True) < 1).astype(np.float64)
    layers = [2, 10, 5, 1]
    L = len(layers)
    p = he(layers)
    t0 = time.perf_counter()
    for _ in range(steps):
        A, caches = forward(p, X, L)
        cost(A, Y)
        g = backward(p, caches, Y, L)
        for l in range(1, L):
            p["W%d" % l] = p["W%d" % l] - 0.01 * g["dW%d" % l]
            p["b%d" % l] = p["b%d" % l] - 0.01 * g["db%d" % l]
    return (time.perf_counter() - t0) / steps * 1e6

def mini_batches(X, Y, size, seed):
    np.random.seed(seed)
    m = X.shape[1]
    perm = list(np.random.permutation(m))
    X, Y = X[:, perm], Y[:, perm].reshape((1, m))
    out = []
    for k in range(0, m, size):
        out.append((X[:, k:k + size], Y[:, k:k + size]))
    return out

def adam(epochs, layers=(2, 20, 7, 5, 1), per_epoch=False):
    np.random.seed(3)
    X = np.random.randn(2, 300)
    Y = (X[0:1, :] * X[1:2, :] > 0).astype(np.float64)
    layers = list(layers)
    L = len(layers)
    p = he(layers)
    v = {k: np.zeros_like(w) for k, w in p.items()}
    s = {k: np.zeros_like(w) for k, w in p.items()}
    b1, b2, eps, lr, t, seed, steps = 0.9, 0.999, 1e-8, 0.0007, 0, 10, 0
    t0 = time.perf_counter()
    for _ in range(epochs):
        seed += 1
        for Xb, Yb in mini_batches(X, Y, 64, seed):
            A, caches = forward(p, Xb, L)
            cost(A, Yb)
            g = backward(p, caches, Yb, L)
            t += 1
            for k in p:
                d = g["d" + k]
                v[k] = b1 * v[k] + (1 - b1) * d
                s[k] = b2 * s[k] + (1 - b2) * np.power(d, 2)
                vc = v[k] / (1 - b1 ** t)
                sc = s[k] / (1 - b2 ** t)
                p[k] = p[k] - lr * vc / (np.sqrt(sc) + eps)
            steps += 1
    return (time.perf_counter() - t0) / (epochs if per_epoch else steps) * 1e6

if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    e = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    print(json.dumps({"numpy_version": np.__version__, "circles_us_per_step": circles(n), "adam_us_per_step": adam(e),
                      "fit_epoch_us": adam(e, (2, 5, 2, 1), per_epoch=True)}))
