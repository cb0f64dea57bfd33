#!/usr/bin/env python3
"""The char-RNN articles' network in PyTorch 2.x, as a speed yardstick for charrnn.

bench/compare-pytorch.sh runs this beside `./charrnn bench` on the same machine. The model is the
articles' CharRNN: one-hot characters into a stacked nn.LSTM (dropout between its layers), dropout,
then nn.Linear to the vocabulary; Adam (lr 0.001), global-norm clipping at 5, mini-batches cut as the
articles' get_batches cuts them, the hidden state carried and detached from one window to the next.

Bench mode (the default) prints one JSON line: training chars/s, evaluation chars/s (forward pass under
torch.no_grad), one-stream and batched generation chars/s (top-k 5), the last training loss.
Only the measured work is timed, after untimed warm-up.

--train-run STEPS trains STEPS steps on the first 90% of the text, validating on the last 10% every
100 steps, and exits: the caller times the whole process (wall time, peak resident memory).
"""
import argparse
import json
import resource
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

TOP_K = 5
SAMPLE_WARMUP = 100     # untimed characters generated before each generation measurement
VAL_EVERY = 100         # --train-run: validation every so many steps
VAL_FRAC = 0.1


class CharRNN(nn.Module):
    """Stacked LSTM over one-hot characters, dropout, and a fully connected layer to the vocabulary."""

    def __init__(self, n_tokens, n_hidden, n_layers, drop_prob):
        super().__init__()
        self.n_tokens, self.n_hidden, self.n_layers = n_tokens, n_hidden, n_layers
        self.lstm = nn.LSTM(n_tokens, n_hidden, n_layers, dropout=drop_prob, batch_first=True)
        self.dropout = nn.Dropout(drop_prob)
        self.fc = nn.Linear(n_hidden, n_tokens)

    def forward(self, x, hidden):
        """x: (batch, seq) character ids. Returns logits (batch * seq, n_tokens) and the new state."""
        out, hidden = self.lstm(F.one_hot(x, self.n_tokens).float(), hidden)
        out = self.dropout(out).contiguous().view(-1, self.n_hidden)
        return self.fc(out), hidden

    def init_hidden(self, batch_size):
        """Zero (h, c) for batch_size rows."""
        shape = (self.n_layers, batch_size, self.n_hidden)
        return torch.zeros(shape), torch.zeros(shape)


def encode(text):
    """The text's characters as ids into its sorted vocabulary."""
    vocab = sorted(set(text))
    index = {ch: i for i, ch in enumerate(vocab)}
    return np.fromiter((index[ch] for ch in text), dtype=np.int64, count=len(text)), vocab


def get_batches(ids, batch_size, seq_len):
    """The articles' batching: ids cut into batch_size rows, then windows of seq_len columns;
    the targets are the inputs shifted by one, the last target of the last window wrapping to the start."""
    n_windows = len(ids) // (batch_size * seq_len)
    rows = ids[:n_windows * batch_size * seq_len].reshape(batch_size, -1)
    for start in range(0, rows.shape[1], seq_len):
        x = rows[:, start:start + seq_len]
        y = np.empty_like(x)
        y[:, :-1] = x[:, 1:]
        y[:, -1] = rows[:, (start + seq_len) % rows.shape[1]]
        yield torch.from_numpy(x), torch.from_numpy(y)


class Trainer:
    """Training steps over the windows of ids, epoch after epoch; the hidden state is carried (detached)
    from one window to the next and starts at zero each epoch."""

    def __init__(self, net, ids, batch_size, seq_len):
        self.net, self.batch_size = net, batch_size
        self.optimizer = torch.optim.Adam(net.parameters(), lr=0.001)
        self.windows = self._epochs(ids, batch_size, seq_len)

    def _epochs(self, ids, batch_size, seq_len):
        while True:
            self.hidden = self.net.init_hidden(batch_size)
            yield from get_batches(ids, batch_size, seq_len)

    def step(self):
        """One step of Adam on the next window; returns its loss (mean cross entropy per character)."""
        x, y = next(self.windows)
        self.net.train()
        self.optimizer.zero_grad()
        logits, self.hidden = self.net(x, tuple(h.detach() for h in self.hidden))
        loss = F.cross_entropy(logits, y.reshape(-1))
        loss.backward()
        nn.utils.clip_grad_norm_(self.net.parameters(), 5)
        self.optimizer.step()
        return loss.item()


@torch.no_grad()
def evaluate(net, ids, batch_size, seq_len):
    """Mean cross entropy per character over ids' windows (state carried, dropout off)."""
    net.eval()
    hidden, losses = net.init_hidden(batch_size), []
    for x, y in get_batches(ids, batch_size, seq_len):
        logits, hidden = net(x, hidden)
        losses.append(F.cross_entropy(logits, y.reshape(-1)).item())
    return sum(losses) / len(losses) if losses else float("nan")


@torch.no_grad()
def generate(net, first_id, streams, length):
    """length characters for each of `streams` texts at once, each drawn from the top-k of the softmax."""
    net.eval()
    hidden = net.init_hidden(streams)
    x = torch.full((streams, 1), first_id, dtype=torch.int64)
    for _ in range(length):
        logits, hidden = net(x, hidden)
        probs, top = F.softmax(logits, dim=1).topk(TOP_K, dim=1)
        x = top.gather(1, torch.multinomial(probs, 1))
    return x


def rate(chars, work):
    """Characters per second of running work() once, or None when there is nothing to time."""
    if chars <= 0:
        return None
    start = time.perf_counter()
    work()
    return round(chars / (time.perf_counter() - start), 1)


def bench(a, net, ids):
    """The timed measurements, each after its untimed warm-up; returns the JSON fields."""
    trainer = Trainer(net, ids[:int(len(ids) * (1 - VAL_FRAC))], a.batch, a.seq)
    for _ in range(a.warmup):
        trainer.step()
    losses = []
    train_cps = rate(a.steps * a.batch * a.seq, lambda: losses.extend(trainer.step() for _ in range(a.steps)))

    window, eval_ids = a.batch * a.seq, ids[:a.eval_chars]
    evaluate(net, eval_ids[:window], a.batch, a.seq)
    eval_cps = rate(len(eval_ids) // window * window, lambda: evaluate(net, eval_ids, a.batch, a.seq))

    first = int(ids[0])
    generate(net, first, 1, SAMPLE_WARMUP)
    sample_cps = rate(a.sample, lambda: generate(net, first, 1, a.sample))
    generate(net, first, max(a.streams, 1), SAMPLE_WARMUP // 5)
    batched_cps = rate(a.streams * a.stream_length, lambda: generate(net, first, a.streams, a.stream_length))
    return {"train_chars_per_s": train_cps, "eval_chars_per_s": eval_cps, "sample_chars_per_s": sample_cps,
            "batched_sample_chars_per_s": batched_cps, "train_loss": round(losses[-1], 4) if losses else None}


def train_run(a, net, ids):
    """A whole short training run with periodic validation; returns the JSON fields."""
    cut = int(len(ids) * (1 - VAL_FRAC))
    train, val = ids[:cut], ids[cut:]
    trainer = Trainer(net, train, a.batch, a.seq)
    loss, val_loss = None, None
    for step in range(1, a.train_run + 1):
        loss = trainer.step()
        if step % VAL_EVERY == 0 or step == a.train_run:
            val_loss = evaluate(net, val, a.batch, a.seq)
    if a.model:
        torch.save(net.state_dict(), a.model)
    return {"steps": a.train_run, "train_loss": round(loss, 4) if loss is not None else None,
            "val_loss": round(val_loss, 4) if val_loss is not None else None}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--text", required=True, help="UTF-8 text file")
    p.add_argument("--hidden", type=int, help="units per layer (default 512; 128 with --train-run)")
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--batch", type=int, help="rows per mini-batch (default 128; 32 with --train-run)")
    p.add_argument("--seq", type=int, help="characters per window (default 100; 50 with --train-run)")
    p.add_argument("--dropout", type=float, default=0.5)
    p.add_argument("--steps", type=int, default=20, help="timed training steps")
    p.add_argument("--warmup", type=int, default=2, help="untimed training steps first")
    p.add_argument("--sample", type=int, default=2000, help="characters of the one-stream generation")
    p.add_argument("--streams", type=int, default=64, help="streams generated together")
    p.add_argument("--stream-length", type=int, default=200, help="characters per batched stream")
    p.add_argument("--eval-chars", type=int, default=200000, help="characters of the evaluation pass")
    p.add_argument("--threads", type=int, default=0, help="intra-op threads (0: torch's default)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--train-run", type=int, metavar="STEPS", help="train STEPS steps with validation, then exit")
    p.add_argument("--model", help="--train-run: save the trained weights here")
    a = p.parse_args()
    run = a.train_run is not None
    a.hidden = a.hidden or (128 if run else 512)
    a.batch = a.batch or (32 if run else 128)
    a.seq = a.seq or (50 if run else 100)
    return a


def main():
    a = parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    with open(a.text, encoding="utf-8") as f:
        ids, vocab = encode(f.read())
    net = CharRNN(len(vocab), a.hidden, a.layers, a.dropout)
    result = {"impl": "pytorch", "torch": torch.__version__, "threads": torch.get_num_threads(),
              "vocab": len(vocab), "hidden": a.hidden, "layers": a.layers, "batch": a.batch, "seq": a.seq}
    result.update(train_run(a, net, ids) if a.train_run is not None else bench(a, net, ids))
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
