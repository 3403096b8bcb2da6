"""Train the Thai-digit recogniser from our own renders: ``python -m docintake.ocr.train_digits --out models/``.

Lines of numbers (Thai and Arabic digits with . / , - :) and of Thai letters
are rendered in every TLWG font (Purisa included, for numbers written in by
hand) at 12-20 pt, 200 and 300 dpi, degraded (ink colour, blur, noise, JPEG,
stroke thickness, slight rotation, binarisation threshold), cut into glyphs
by the very code that cuts them at run time, and fed to a small numpy MLP.
Seeded: the same seed gives the same model file. No network, no data files.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from docintake.ocr.digits import ARABIC_DIGITS, CLASSES, MODEL_FILE, REJECT, THAI_DIGITS, features
from docintake.ocr.glyphs import ink_mask, segment

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
CONSONANTS = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮ"
LEADING, UPPER, LOWER, TONES, TRAILING = "เแโใไ", "ัิีึื็", "ุู", "่้๊๋์", "ะาำ"
# Latin letters that no digit resembles (not O o l I S Z B g q), and brackets:
# they sit next to numbers in e-mail addresses, URLs and "(๔)".
LATIN = "abcdefhkmnprtuvwxyACDEFGHKMNPRTUVWXY()\"“”@#%&"
WORDS = ("ที่", "มท", "ชย", "ขก", "นม", "ว", "พ.ศ.", "น.", "ลงวันที่", "เลขรับ", "วันที่", "เวลา", "ชุด", "ฉบับ", "โทร.", "ข้อ")


def fonts(folder: Path = FONT_DIR) -> list[Path]:
    found = sorted(folder.glob("*.ttf"))
    if not found:
        raise SystemExit(f"no fonts in {folder}: install the Debian package fonts-thai-tlwg-ttf")
    return found


# ----------------------------------------------------------------- strings


def _digits(r: random.Random, n: int, script: str) -> str:
    return "".join(r.choice(script) for _ in range(n))


def number_text(r: random.Random) -> str:
    """A number as letters print them: document numbers, dates, times, amounts, phones."""
    s = THAI_DIGITS if r.random() < 0.75 else ARABIC_DIGITS
    d = lambda a, b: _digits(r, r.randint(a, b), s)  # noqa: E731
    form = r.randrange(7)
    if form == 0:
        return f"{d(4, 4)}.{d(1, 2)}/{d(1, 4)}"
    if form == 1:
        return f"{d(1, 2)}.{d(2, 2)}"
    if form == 2:
        return f"{d(1, 3)},{d(3, 3)}"
    if form == 3:
        return f"{d(1, 1)}-{d(4, 4)}-{d(4, 4)}"
    if form == 4:
        return f"{d(2, 2)}:{d(2, 2)}"
    if form == 5:
        return f"{d(1, 5)}/{d(2, 4)}"
    return d(1, 6)


def thai_text(r: random.Random) -> str:
    """Thai letters with marks, as words or random syllables, or Latin letters (the "not a digit" class)."""
    if r.random() < 0.3:
        return r.choice(WORDS)
    if r.random() < 0.2:
        return "".join(r.choice(LATIN) for _ in range(r.randint(1, 5)))
    out = []
    for _ in range(r.randint(1, 3)):
        syl = (r.choice(LEADING) if r.random() < 0.2 else "") + r.choice(CONSONANTS)
        if r.random() < 0.4:
            syl += r.choice(UPPER + LOWER)
        if r.random() < 0.3:
            syl += r.choice(TONES)
        if r.random() < 0.2:
            syl += r.choice(TRAILING)
        out.append(syl + (r.choice(CONSONANTS) if r.random() < 0.4 else ""))
    return "".join(out)


def line_pieces(r: random.Random) -> list[tuple[str, bool]]:
    """(text, is_number) pieces of one rendered token: letters, numbers, or both glued."""
    kind = r.random()
    if kind < 0.55:
        return [(number_text(r), True)]
    if kind < 0.8:
        return [(thai_text(r), False)]
    pieces = [(thai_text(r), False), (number_text(r), True)]
    return pieces[::-1] if r.random() < 0.3 else pieces


# --------------------------------------------------------------- rendering


def render(r: random.Random, pieces, font_path: Path, dpi: int, pt: float) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Grayscale token image and each piece's x-range."""
    px = max(8, round(pt * dpi / 72))
    font = ImageFont.truetype(str(font_path), px, layout_engine=ImageFont.Layout.RAQM)
    draw = ImageDraw.Draw(Image.new("L", (1, 1)))
    widths = [draw.textlength(t, font=font) for t, _ in pieces]
    gap = px * r.choice([0.0, 0.0, 0.15, 0.3])
    img = Image.new("L", (int(sum(widths) + gap * len(pieces) + 2 * px), int(px * 2.2)), 255)
    d = ImageDraw.Draw(img)
    x, ranges = px * 0.5, []
    for (text, _), w in zip(pieces, widths):
        d.text((x, px * 0.5), text, font=font, fill=0)
        ranges.append((int(x), int(x + w)))
        x += w + gap
    return np.asarray(img), ranges


def degrade(r: random.Random, img: np.ndarray, dpi: int) -> np.ndarray:
    """Ink colour and paper, thickness, rotation, blur, noise, JPEG."""
    rng = np.random.default_rng(r.randrange(1 << 30))
    ink, paper = r.uniform(0, 110), r.uniform(185, 255)
    a = img.astype(np.float32) / 255.0
    k = r.random()
    if k < 0.2:
        a = cv2.erode(a, np.ones((2, 2), np.uint8))  # thicker strokes
    elif k < 0.3 and dpi >= 300:
        a = cv2.dilate(a, np.ones((2, 2), np.uint8))  # thinner strokes
    if r.random() < 0.5:
        h, w = a.shape
        m = cv2.getRotationMatrix2D((w / 2, h / 2), r.uniform(-1.5, 1.5), 1.0)
        a = cv2.warpAffine(a, m, (w, h), borderValue=1.0)
    a = ink + (paper - ink) * a
    sigma = r.uniform(0, 1.1) * dpi / 300
    if sigma > 0.3:
        a = cv2.GaussianBlur(a, (0, 0), sigma)
    a = np.clip(a + rng.normal(0, r.uniform(0, 14), a.shape), 0, 255).astype(np.uint8)
    if r.random() < 0.6:
        ok, buf = cv2.imencode(".jpg", a, [cv2.IMWRITE_JPEG_QUALITY, r.randint(35, 95)])
        a = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    return a


def _crop(r: random.Random, a: np.ndarray) -> tuple[np.ndarray, int]:
    """Cut around the ink with a margin like the one around a Tesseract word box; (crop, x offset)."""
    ys, xs = np.nonzero(a < (int(a.min()) + int(a.max())) // 2)
    if len(ys) == 0:
        return a, 0
    m = int((ys.max() - ys.min() + 1) * r.uniform(0.05, 0.3))
    x0 = max(0, xs.min() - m)
    return a[max(0, ys.min() - m) : ys.max() + 1 + m, x0 : xs.max() + 1 + m], int(x0)


def labelled_glyphs(r: random.Random, font_path: Path) -> tuple[np.ndarray, list[int]] | None:
    """One rendered, degraded, segmented token: (features, class indices), or None when the cut failed."""
    dpi = r.choice([200, 300])
    pieces = line_pieces(r)
    img, ranges = render(r, pieces, font_path, dpi, r.uniform(12, 20))
    a, x_shift = _crop(r, degrade(r, img, dpi))
    mask = ink_mask(a, offset=r.randint(-15, 15))
    if mask is None:
        return None
    glyphs = segment(mask)
    labels: list[int] = []
    for (text, is_number), (x0, x1) in zip(pieces, ranges):
        inside = [g for g in glyphs if x0 <= g.x + g.w / 2 + x_shift < x1]
        if is_number and len(inside) != len(text):
            return None  # touching or broken digits: no clean label
        labels += [CLASSES.index(c) for c in text] if is_number else [CLASSES.index(REJECT)] * len(inside)
    if len(labels) != len(glyphs):
        return None
    return features(glyphs), labels


def font_weight(path: Path) -> float:
    """Letters are set upright; numbers filled in by hand look like Purisa."""
    if path.stem.startswith("Purisa"):
        return 2.0
    return 0.3 if ("Oblique" in path.stem or "Italic" in path.stem) else 1.0


def make_dataset(n_tokens: int, seed: int) -> tuple[np.ndarray, np.ndarray, dict]:
    r = random.Random(seed)
    paths = fonts()
    weights = [font_weight(p) for p in paths]
    xs, ys, failed = [], [], 0
    for _ in range(n_tokens):
        out = labelled_glyphs(r, r.choices(paths, weights)[0])
        if out is None:
            failed += 1
            continue
        xs.append(out[0])
        ys += out[1]
    return np.concatenate(xs), np.asarray(ys), {"tokens": n_tokens, "cut_failed": failed}


# ---------------------------------------------------------------- training


def train(x: np.ndarray, y: np.ndarray, seed: int, hidden=(256, 128), epochs: int = 14, lr: float = 2e-3) -> dict:
    """Adam on softmax cross-entropy with class-balanced weights; returns the npz arrays."""
    rng = np.random.default_rng(seed)
    mean, std = x.mean(axis=0), x.std(axis=0) + 0.05
    xn = ((x - mean) / std).astype(np.float32)
    sizes = [x.shape[1], *hidden, len(CLASSES)]
    params = []
    for a, b in zip(sizes[:-1], sizes[1:]):
        params += [rng.normal(0, np.sqrt(2 / a), (a, b)).astype(np.float32), np.zeros(b, np.float32)]
    counts = np.bincount(y, minlength=len(CLASSES)).astype(np.float32)
    cw = (counts.sum() / np.maximum(counts, 1) / len(CLASSES)) ** 0.5
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    step = 0
    for epoch in range(epochs):
        order = rng.permutation(len(y))
        rate = lr * (0.5 ** (epoch // 5))
        for start in range(0, len(y), 256):
            idx = order[start : start + 256]
            grads = _grads(params, xn[idx], y[idx], cw)
            step += 1
            for k, g in enumerate(grads):
                g = g + 1e-5 * params[k] if k % 2 == 0 else g
                m[k] = 0.9 * m[k] + 0.1 * g
                v[k] = 0.999 * v[k] + 0.001 * g * g
                params[k] -= rate * (m[k] / (1 - 0.9**step)) / (np.sqrt(v[k] / (1 - 0.999**step)) + 1e-8)
    weights = {f"W{i // 2}" if i % 2 == 0 else f"b{i // 2}": p for i, p in enumerate(params)}
    return {**weights, "mean": mean.astype(np.float32), "std": std.astype(np.float32)}


def _grads(params, x, y, cw):
    acts = [x]
    h = x
    n_layers = len(params) // 2
    for k in range(n_layers):
        h = h @ params[2 * k] + params[2 * k + 1]
        if k < n_layers - 1:
            h = np.maximum(h, 0)
        acts.append(h)
    z = acts[-1] - acts[-1].max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    w = cw[y][:, None]
    delta = p.copy()
    delta[np.arange(len(y)), y] -= 1
    delta *= w / w.sum()
    grads = [None] * len(params)
    for k in reversed(range(n_layers)):
        grads[2 * k] = acts[k].T @ delta
        grads[2 * k + 1] = delta.sum(axis=0)
        if k > 0:
            delta = (delta @ params[2 * k].T) * (acts[k] > 0)
    return grads


def accuracy(weights: dict, x: np.ndarray, y: np.ndarray) -> dict:
    from docintake.ocr.digits import DigitModel

    pred = DigitModel(weights, "eval").proba(x).argmax(axis=1)
    per = {CLASSES[c]: round(float((pred[y == c] == c).mean()), 4) for c in range(len(CLASSES)) if (y == c).any()}
    digits = np.isin(y, range(20))
    return {"all": round(float((pred == y).mean()), 4), "digits": round(float((pred[digits] == y[digits]).mean()), 4), "per_class": per}


def save_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Like np.savez_compressed, but byte-identical for identical arrays (fixed zip timestamps)."""
    import io
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.asarray(arrays[name]), allow_pickle=False)
            zf.writestr(zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0)), buf.getvalue(), zipfile.ZIP_DEFLATED)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("models"))
    parser.add_argument("--seed", type=int, default=20250)
    parser.add_argument("--tokens", type=int, default=24000)
    parser.add_argument("--epochs", type=int, default=14)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    x, y, info = make_dataset(args.tokens, args.seed)
    xv, yv, _ = make_dataset(max(1000, args.tokens // 8), args.seed + 1)
    print(f"rendered {len(y)} glyphs ({info['cut_failed']} of {info['tokens']} tokens cut badly) in {time.perf_counter() - started:.0f}s")
    weights = train(x, y, args.seed, epochs=args.epochs)
    report = {"train": accuracy(weights, x, y), "validation": accuracy(weights, xv, yv), **info,
              "seed": args.seed, "glyphs": int(len(y)), "seconds": round(time.perf_counter() - started, 1)}
    args.out.mkdir(parents=True, exist_ok=True)
    save_npz(args.out / MODEL_FILE, {**weights, "classes": np.array(list(CLASSES))})
    (args.out / "thai_digits.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps({k: report[k] for k in ("train", "validation", "seconds")}, ensure_ascii=False))


if __name__ == "__main__":
    main()
