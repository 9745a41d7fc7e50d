import {crc32, deflateSync} from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, checksum]);
}

// A real PNG picture (two colours, left and right), for uploads Mattermost makes thumbnails of.
export function twoColourPng(width: number, height: number): Buffer {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 2, 0, 0, 0], 8);
    const rows: Buffer[] = [];
    for (let y = 0; y < height; y += 1) {
        const row = Buffer.alloc(1 + width * 3);
        for (let x = 0; x < width; x += 1) {
            row.set(x < width / 2 ? [210, 75, 78] : [28, 88, 217], 1 + x * 3);
        }
        rows.push(row);
    }
    const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
    return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
