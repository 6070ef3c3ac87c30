import { PNG } from 'pngjs'
import { rasterise } from './raster.js'

type Rgb = [number, number, number]

/** A PNG of one colour, `size` × `size` pixels. */
export function solidPng(rgb: Rgb, size = 40): Buffer {
  const png = new PNG({ width: size, height: size })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([...rgb, 255], i)
  return PNG.sync.write(png)
}

/** How many pixels of page `index`, rasterised, are within `tolerance` of `rgb` in every channel. */
export function pixelsOf(pdf: Uint8Array, rgb: Rgb, index = 0, tolerance = 24): number {
  const { rgba } = rasterise(pdf, index, 72)
  let count = 0
  for (let i = 0; i < rgba.length; i += 4) {
    if (
      Math.abs(rgba[i]! - rgb[0]) <= tolerance &&
      Math.abs(rgba[i + 1]! - rgb[1]) <= tolerance &&
      Math.abs(rgba[i + 2]! - rgb[2]) <= tolerance
    )
      count++
  }
  return count
}
