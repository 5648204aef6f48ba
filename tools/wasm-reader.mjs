// A minimal reader of a .wasm module's bytes: LEB128 numbers and names,
// from a position that callers move section by section, and the LEB128
// writer for the sections they write back. Shared by tools/short-imports.mjs
// and tools/size-parts.mjs.

/** `n` as an unsigned LEB128 number. */
export function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

export class WasmReader {
  /** `bytes`: the module; reading starts after its 8-byte header. */
  constructor(bytes, pos = 8) {
    this.bytes = bytes;
    this.pos = pos;
  }

  /** One byte. */
  byte() {
    return this.bytes[this.pos++];
  }

  /** An unsigned LEB128 number. */
  u32() {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = this.bytes[this.pos++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  }

  /** A length-prefixed UTF-8 name. */
  name() {
    const len = this.u32();
    const text = this.bytes.subarray(this.pos, this.pos + len).toString("utf8");
    this.pos += len;
    return text;
  }

  /**
   * One entry of the import section: its module and field names, and its kind
   * (0 function, 1 table, 2 memory, 3 global, 4 tag), and where its kind
   * byte and description start; the reader is left after them.
   */
  import() {
    const module = this.name();
    const field = this.name();
    const descStart = this.pos;
    const kind = this.byte();
    if (kind === 0) this.u32();
    else if (kind === 1 || kind === 2) {
      if (kind === 1) this.pos++;
      const flags = this.u32();
      this.u32();
      if (flags & 1) this.u32();
    } else if (kind === 3) this.pos += 2;
    else {
      this.u32();
      this.u32();
    }
    return { module, field, kind, descStart };
  }
}
