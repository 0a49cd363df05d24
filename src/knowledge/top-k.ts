/**
 * The `k` candidates with the highest scores, best first; ties go to the lower candidate number. O(n log k) with a
 * bounded min-heap, so a query touching every article stays cheap.
 * @param candidates candidate numbers (e.g. document numbers)
 * @param score score of a candidate
 */
export function topK(candidates: Iterable<number>, score: (candidate: number) => number, k: number): number[] {
  if (k <= 0) return [];
  const heap: Array<{ id: number; score: number }> = [];
  const worse = (a: { id: number; score: number }, b: { id: number; score: number }) =>
    a.score < b.score || (a.score === b.score && a.id > b.id);
  for (const id of candidates) {
    const item = { id, score: score(id) };
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap, heap.length - 1, worse);
    } else if (worse(heap[0]!, item)) {
      heap[0] = item;
      siftDown(heap, 0, worse);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0)).map((item) => item.id);
}

type Before<T> = (a: T, b: T) => boolean;

function siftUp<T>(heap: T[], index: number, before: Before<T>): void {
  let i = index;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) return;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function siftDown<T>(heap: T[], index: number, before: Before<T>): void {
  let i = index;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let top = i;
    if (left < heap.length && before(heap[left]!, heap[top]!)) top = left;
    if (right < heap.length && before(heap[right]!, heap[top]!)) top = right;
    if (top === i) return;
    [heap[i], heap[top]] = [heap[top]!, heap[i]!];
    i = top;
  }
}
