/* bcryptprimitives.dll for Wine 8, which lacks it: Rust's standard library imports
 * ProcessPrng from it for its random numbers (HashMap seeds), and a program that imports a
 * missing DLL does not even start. This one function forwards to RtlGenRandom
 * (SystemFunction036 in advapi32), which Wine has. Built by scripts/wine-harness.sh with
 * x86_64-w64-mingw32-gcc -shared. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
