namespace CoCoGen.Learning.Generative;

/// <summary>
/// Tiles equally sized CHW float images (values in [0, 1]) into one picture, row by row, with a gap
/// between tiles, ready for <see cref="PngEncoder"/>.
/// </summary>
public static class SampleGrid
{
    /// <summary>Tiles <paramref name="rows"/> × <paramref name="columns"/> images and returns interleaved bytes.</summary>
    /// <param name="images">rows × columns images, CHW floats, row-major order of tiles.</param>
    /// <param name="rows">Tile rows (for example one per class).</param>
    /// <param name="columns">Tiles per row.</param>
    /// <param name="channels">Channels per image (1 or 3).</param>
    /// <param name="height">Image height.</param>
    /// <param name="width">Image width.</param>
    /// <param name="gap">Pixels of black between tiles.</param>
    /// <returns>The pixels (HWC bytes) and the picture's width and height.</returns>
    public static (byte[] Pixels, int Width, int Height) Tile(ReadOnlySpan<float> images, int rows, int columns, int channels, int height, int width, int gap = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        int imageSize = channels * height * width;
        if (images.Length != rows * columns * imageSize)
        {
            throw new ArgumentException($"Images hold {images.Length} floats; {rows}×{columns} tiles of {channels}×{height}×{width} need {rows * columns * imageSize}.", nameof(images));
        }

        int pictureWidth = columns * width + (columns + 1) * gap;
        int pictureHeight = rows * height + (rows + 1) * gap;
        var pixels = new byte[pictureWidth * pictureHeight * channels];
        int plane = height * width;
        for (int tile = 0; tile < rows * columns; tile++)
        {
            int top = gap + (tile / columns) * (height + gap);
            int left = gap + (tile % columns) * (width + gap);
            var image = images.Slice(tile * imageSize, imageSize);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    for (int c = 0; c < channels; c++)
                    {
                        float v = Math.Clamp(image[c * plane + y * width + x], 0f, 1f);
                        pixels[((top + y) * pictureWidth + left + x) * channels + c] = (byte)MathF.Round(v * 255f);
                    }
                }
            }
        }

        return (pixels, pictureWidth, pictureHeight);
    }
}
