// Denoises every TIFF in a folder with Plugins > Denoise, the model loaded once for all of them.
// Results go to <folder>/denoised/<name>-denoised.tif; the inputs are not changed.
//
// Headless, from a terminal (Fiji):   ImageJ-linux64 --headless -batch denoise-folder.ijm /data/run42
// Or from Plugins > Macros > Run..., which asks for the folder.
// denoise/auto picks per image: denoise/gaussian-gray for 8-bit and RGB, denoise/poisson-gauss for
// 16/32-bit (the Log says which). Name a model instead to use one for all, e.g. "denoise/poisson-gauss".
model = "denoise/auto";

dir = getArgument();
if (dir == "") dir = getDirectory("Folder of noisy TIFFs");
if (!endsWith(dir, "/") && !endsWith(dir, File.separator)) dir = dir + File.separator;
out = dir + "denoised" + File.separator;
File.makeDirectory(out);

setBatchMode(true);
files = getFileList(dir);
done = 0;
for (i = 0; i < files.length; i++) {
    if (!endsWith(toLowerCase(files[i]), ".tif") && !endsWith(toLowerCase(files[i]), ".tiff")) continue;
    open(dir + files[i]);
    run("Denoise...", "model=" + model + " stack");
    saveAs("Tiff", out + getTitle());
    close("*");
    done++;
}
print("Denoise: " + done + " files in " + dir + " done");
