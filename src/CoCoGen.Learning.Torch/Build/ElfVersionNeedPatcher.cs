// Compiled twice: by MSBuild's RoslynCodeTaskFactory as the WeakenElfVersionNeed build task (see
// TorchSharpNatives.targets), and by CoCoGen.Learning.Torch.Tests with ELF_PATCHER_TESTS, which tests the logic
// without MSBuild. It is not part of the CoCoGen.Learning.Torch assembly.
#nullable enable
using System;
using System.IO;
using System.Text;

namespace CoCoGen.Learning.Torch.Build
{
#if !ELF_PATCHER_TESTS
    /// <summary>
    /// Marks one version need of a copied shared library weak when the system's library lacks that version
    /// (TorchSharp 0.107's libLibTorchSharp.so needs GLIBCXX_3.4.32 for a symbol nothing binds; Debian 12 has 3.4.30).
    /// </summary>
    public sealed class WeakenElfVersionNeed : Microsoft.Build.Utilities.Task
    {
        /// <summary>The ELF file to patch in place (the build output's copy, never the package cache's).</summary>
        [Microsoft.Build.Framework.Required]
        public string Library { get; set; } = "";

        /// <summary>The version name, e.g. GLIBCXX_3.4.32.</summary>
        [Microsoft.Build.Framework.Required]
        public string Version { get; set; } = "";

        /// <summary>Candidate paths of the system library that would define the version; the first that exists is read.</summary>
        [Microsoft.Build.Framework.Required]
        public string[] SystemLibraries { get; set; } = Array.Empty<string>();

        /// <inheritdoc />
        public override bool Execute()
        {
            string? system = Array.Find(SystemLibraries, File.Exists);
            if (system != null && ElfVersionNeeds.Defines(File.ReadAllBytes(system), Version))
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, $"{system} defines {Version}; {Library} left as built");
                return true;
            }

            byte[] image = File.ReadAllBytes(Library);
            switch (ElfVersionNeeds.MarkWeak(image, Version))
            {
                case ElfVersionNeeds.Outcome.Patched:
                    // Read the needs back from the edited image before writing it: every need of the version is weak now.
                    if (Array.Exists(ElfVersionNeeds.List(image), n => n.Version == Version && !n.Weak))
                    {
                        Log.LogError($"{Library}: {Version} is still a strong need after patching; the file was left unchanged");
                        return false;
                    }

                    File.WriteAllBytes(Library, image);
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, $"{Library}: version need {Version} marked weak (the system libstdc++ lacks it)");
                    return true;
                case ElfVersionNeeds.Outcome.AlreadyWeak:
                case ElfVersionNeeds.Outcome.NotNeeded:
                    return true;
                default:
                    Log.LogError($"{Library}: not a 64-bit little-endian ELF file with a .gnu.version_r section");
                    return false;
            }
        }
    }
#endif

    /// <summary>Reads and edits the version needs (.gnu.version_r) of a 64-bit little-endian ELF image.</summary>
    public static class ElfVersionNeeds
    {
        private const uint VersionNeedSection = 0x6ffffffe; // SHT_GNU_verneed
        private const ushort WeakFlag = 0x2;                 // VER_FLG_WEAK

        /// <summary>What <see cref="MarkWeak"/> did.</summary>
        public enum Outcome
        {
            /// <summary>The need was strong and is now weak.</summary>
            Patched,

            /// <summary>The need was already weak; nothing changed.</summary>
            AlreadyWeak,

            /// <summary>The file needs no such version; nothing changed.</summary>
            NotNeeded,

            /// <summary>Not an ELF64 little-endian image with version needs.</summary>
            Unsupported,
        }

        /// <summary>Whether a system library's image names the version (its definitions are strings of .dynstr).</summary>
        /// <param name="image">The library's bytes.</param>
        /// <param name="version">The version name.</param>
        public static bool Defines(byte[] image, string version)
        {
            byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
            for (int at = 0; at + needle.Length <= image.Length; at++)
            {
                // A whole string, not the tail of a longer one.
                if ((at == 0 || image[at - 1] == 0) && Matches(image, at, needle))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Matches(byte[] image, int at, byte[] needle)
        {
            for (int i = 0; i < needle.Length; i++)
            {
                if (image[at + i] != needle[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The flags of every version need, as (library, version, weak).</summary>
        /// <param name="image">The ELF bytes.</param>
        public static (string File, string Version, bool Weak)[] List(byte[] image)
        {
            var found = new System.Collections.Generic.List<(string, string, bool)>();
            Walk(image, (file, version, flagsOffset) => found.Add((file, version, (Read16(image, flagsOffset) & WeakFlag) != 0)));
            return found.ToArray();
        }

        /// <summary>Sets VER_FLG_WEAK on every need of <paramref name="version"/>, in place.</summary>
        /// <param name="image">The ELF bytes, edited in place.</param>
        /// <param name="version">The version name.</param>
        public static Outcome MarkWeak(byte[] image, string version)
        {
            Outcome outcome = Outcome.NotNeeded;
            bool supported = Walk(image, (_, name, flagsOffset) =>
            {
                if (name != version)
                {
                    return;
                }

                ushort flags = Read16(image, flagsOffset);
                if ((flags & WeakFlag) != 0)
                {
                    outcome = outcome == Outcome.Patched ? Outcome.Patched : Outcome.AlreadyWeak;
                    return;
                }

                flags |= WeakFlag;
                image[flagsOffset] = (byte)flags;
                image[flagsOffset + 1] = (byte)(flags >> 8);
                outcome = Outcome.Patched;
            });
            return supported ? outcome : Outcome.Unsupported;
        }

        // Visits every Elf64_Vernaux: (needed file, version name, byte offset of vna_flags).
        private static bool Walk(byte[] image, Action<string, string, int> visit)
        {
            if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F'
                || image[4] != 2 || image[5] != 1)
            {
                return false;
            }

            long sectionTable = (long)Read64(image, 0x28);
            int entrySize = Read16(image, 0x3a);
            int count = Read16(image, 0x3c);
            if (entrySize < 64 || sectionTable <= 0 || sectionTable + ((long)entrySize * count) > image.Length)
            {
                return false;
            }

            for (int s = 0; s < count; s++)
            {
                int header = checked((int)(sectionTable + ((long)s * entrySize)));
                if (Read32(image, header + 4) != VersionNeedSection)
                {
                    continue;
                }

                int offset = checked((int)Read64(image, header + 0x18));
                int size = checked((int)Read64(image, header + 0x20));
                int stringsHeader = checked((int)(sectionTable + ((long)Read32(image, header + 0x28) * entrySize)));
                int strings = checked((int)Read64(image, stringsHeader + 0x18));
                int entries = (int)Read32(image, header + 0x2c);
                int need = offset;
                for (int n = 0; n < entries; n++)
                {
                    if (need < offset || need + 16 > offset + size)
                    {
                        return false;
                    }

                    string file = ReadString(image, strings + (int)Read32(image, need + 4));
                    int aux = need + (int)Read32(image, need + 8);
                    for (int a = Read16(image, need + 2); a > 0; a--)
                    {
                        if (aux < offset || aux + 16 > offset + size)
                        {
                            return false;
                        }

                        visit(file, ReadString(image, strings + (int)Read32(image, aux + 8)), aux + 4);
                        aux += (int)Read32(image, aux + 12);
                    }

                    need += (int)Read32(image, need + 12);
                }

                return true;
            }

            return false;
        }

        private static string ReadString(byte[] image, int start)
        {
            int end = Array.IndexOf(image, (byte)0, start);
            return Encoding.ASCII.GetString(image, start, (end < 0 ? image.Length : end) - start);
        }

        // Little-endian reads by hand: RoslynCodeTaskFactory compiles against netstandard, without BinaryPrimitives.
        private static ushort Read16(byte[] image, int at) => (ushort)(image[at] | (image[at + 1] << 8));

        private static uint Read32(byte[] image, int at) => Read16(image, at) | ((uint)Read16(image, at + 2) << 16);

        private static ulong Read64(byte[] image, int at) => Read32(image, at) | ((ulong)Read32(image, at + 4) << 32);
    }
}
