import { addDays, londonDay } from '@app/platform';

/**
 * A small deterministic random source (mulberry32): the same seed number always gives the same
 * co-op, so the demo, the benchmarks and the reporting tests work on reproducible data.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A copy of the items in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** A random v4-shaped UUID from this source, so ids are reproducible too. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[Math.floor(this.next() * 4)];
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** A date `daysAgo` days before `today`, as YYYY-MM-DD. */
  dateDaysAgo(today: Date, daysAgo: number): string {
    return addDays(londonDay(today), -daysAgo);
  }
}

const FIRST = [
  'Asha',
  'Tom',
  'Rosa',
  'Imran',
  'Beth',
  'Callum',
  'Deborah',
  'Eilidh',
  'Farah',
  'George',
  'Hannah',
  'Idris',
  'Jean',
  'Kofi',
  'Lena',
  'Malik',
  'Nora',
  'Owen',
  'Priya',
  'Quentin',
  'Ruth',
  'Sanjay',
  'Tess',
  'Usman',
  'Vera',
  'Wes',
  'Yasmin',
  'Zoe',
  'Alan',
  'Brenda',
  'Colin',
  'Dorothy',
  'Ellen',
  'Frank',
  'Gwen',
  'Harold',
  'Irene',
  'Joan',
  'Ken',
  'Lilian',
  'Margaret',
  'Norman',
  'Olive',
  'Peter',
  'Rita',
  'Stanley',
  'Thelma',
  'Wilf',
];
const LAST = [
  'Armitage',
  'Bottomley',
  'Crowther',
  'Dyson',
  'Earnshaw',
  'Firth',
  'Greenwood',
  'Haigh',
  'Iqbal',
  'Jagger',
  'Kaur',
  'Lockwood',
  'Mellor',
  'Noble',
  'Oldroyd',
  'Patel',
  'Quarmby',
  'Ramsden',
  'Sykes',
  'Taylor',
  'Uttley',
  'Varley',
  'Whiteley',
  'Yates',
  'Ahmed',
  'Brook',
  'Hussain',
  'Kenyon',
  'Shaw',
  'Walker',
];
const STREETS = [
  'Manchester Road',
  'Church Street',
  'Carr Lane',
  'Mill Bank',
  'Station Road',
  'Towngate',
  'Greenside',
  'Westgate',
  'Moorside',
  'Field Head',
];

export function personName(r: SeededRandom): string {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`;
}

export function address(r: SeededRandom, locality: string): string {
  return `${r.int(1, 180)} ${r.pick(STREETS)}, ${locality}`;
}
