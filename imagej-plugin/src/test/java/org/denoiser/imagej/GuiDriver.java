package org.denoiser.imagej;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;
import java.awt.AWTException;
import java.awt.Button;
import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.MenuItem;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.awt.event.ItemEvent;
import java.awt.event.ItemListener;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * Drives the ImageJ GUI like a user, in a child JVM on a virtual display (see {@code GuiIT}):
 * opens an image, clicks Plugins > Denoise > Denoise..., chooses denoise/auto, presses OK, waits
 * for the result window, then opens the dialog again, ticks the preview and takes a screenshot of
 * the original, the preview beside it, the result and the dialog, and cancels. Last, with the
 * macro recorder on, it runs the dialog a third time with "Restore flux" unticked and prints what
 * the recorder wrote; that result goes to {@code result-no-flux.tif}.
 *
 * <p>Arguments: the noisy image, and the folder for {@code result.tif} and the screenshot.
 */
public final class GuiDriver {
    private static final long TIMEOUT_MILLIS = 120_000;

    private GuiDriver() {
    }

    public static void main(String[] args) {
        try {
            drive(new File(args[0]), new File(args[1]));
            System.out.println("GUI driver: done");
            System.exit(0);
        } catch (Exception | Error e) {
            // ImageJ's windows would keep this JVM alive until the test's time limit.
            StackTraceElement[] where = e.getStackTrace();
            System.out.println("GUI driver: failed: " + e + (where.length > 0 ? " at " + where[0] : ""));
            System.out.println("GUI driver: ImageJ's Log window held: " + IJ.getLog());
            System.out.println("GUI driver: images open: " + String.join(", ", WindowManager.getImageTitles()));
            System.exit(2);
        }
    }

    private static void drive(File input, File out) throws Exception {
        ImageJ imagej = new ImageJ();
        imagej.setLocation(0, 0);
        ImagePlus noisy = IJ.openImage(input.getPath());
        noisy.show();
        waitFor("the image window", () -> noisy.getWindow() != null && noisy.getWindow().isShowing() ? noisy : null);
        IJ.run(noisy, "Set... ", "zoom=200");
        onEventThread(() -> noisy.getWindow().setLocation(10, 110));

        MenuItem item = menuItem(Menus.getMenuBar(), "Plugins", "Denoise", "Denoise...");
        click(item);
        GenericDialog dialog = waitFor("the Denoise dialog", () -> dialog("Denoise"));
        choose(dialog, "denoise/auto"); // the first-use default; a developer's ImageJ prefs may remember another
        press(dialog, "OK");
        String title = noisy.getTitle().replaceFirst("\\.tif$", "") + "-denoised";
        ImagePlus result = waitFor("the window " + title, () -> {
            ImagePlus image = WindowManager.getImage(title);
            return image != null && image.getWindow() != null && image.getWindow().isShowing() ? image : null;
        });
        IJ.saveAsTiff(result.duplicate(), new File(out, "result.tif").getPath()); // a copy: saving renames the image
        IJ.run(result, "Set... ", "zoom=200");

        IJ.selectWindow(noisy.getID()); // the dialog works on the image in front, as for a user
        waitFor("the noisy image in front", () -> WindowManager.getCurrentImage() == noisy ? noisy : null);
        click(item);
        GenericDialog again = waitFor("the Denoise dialog, again", () -> dialog("Denoise"));
        onEventThread(() -> again.setLocation(10, 130 + noisy.getWindow().getHeight()));
        tick(again, "Preview the plane on display", true);
        ImagePlus preview = waitFor("the preview window", () -> {
            ImagePlus image = WindowManager.getImage(noisy.getTitle() + " (denoise preview)");
            return image != null && image.getWindow() != null && image.getWindow().isShowing() ? image : null;
        });
        IJ.run(preview, "Set... ", "zoom=200");
        Thread.sleep(500);
        int previewLeft = preview.getWindow().getX();
        int originalRight = noisy.getWindow().getX() + noisy.getWindow().getWidth();
        System.out.println("GUI driver: preview at x=" + previewLeft + ", original ends at x=" + originalRight);
        onEventThread(() -> result.getWindow().setLocation(
                preview.getWindow().getX() + preview.getWindow().getWidth() + 8, 110));
        java.awt.Window log = WindowManager.getWindow("Log"); // it names the model denoise/auto picked
        if (log != null) {
            onEventThread(() -> log.setBounds(630, 380, 325, 160));
        }
        Thread.sleep(1500); // let the windows paint
        screenshot(new File(out, "imagej-plugin.png"));
        press(again, "Cancel");
        waitFor("the dialog closed", () -> dialog("Denoise") == null ? again : null);
        denoiseWithoutFluxWhileRecording(item, noisy, title, out);
    }

    /** Record..., then Denoise... with Restore flux unticked: the recorder must write flux=false. */
    private static void denoiseWithoutFluxWhileRecording(MenuItem item, ImagePlus noisy, String title, File out)
            throws Exception {
        // As from the menu, on a thread of its own: IJ.run here would throw, since the Cancel above
        // set ImageJ's "macro aborted" flag, which IJ.run tests on this thread.
        IJ.doCommand("Record...");
        waitFor("the recorder", () -> Recorder.getInstance());
        IJ.selectWindow(noisy.getID());
        waitFor("the noisy image in front", () -> WindowManager.getCurrentImage() == noisy ? noisy : null);
        click(item);
        GenericDialog third = waitFor("the Denoise dialog, a third time", () -> dialog("Denoise"));
        tick(third, DenoiseDialog.FLUX_LABEL, false);
        press(third, "OK");
        ImagePlus result = waitFor("the window " + title + "-2", () -> {
            ImagePlus image = WindowManager.getImage(title + "-2");
            return image != null && image.getWindow() != null && image.getWindow().isShowing() ? image : null;
        });
        IJ.saveAsTiff(result.duplicate(), new File(out, "result-no-flux.tif").getPath());
        String recorded = waitFor("the recorded Denoise line", () -> {
            String text = Recorder.getInstance().getText();
            return text != null && text.contains("Denoise...") ? text : null;
        });
        for (String line : recorded.split("\n")) {
            if (line.contains("Denoise...")) {
                System.out.println("GUI driver: recorded " + line.trim());
            }
        }
    }

    /** Selects {@code item} in the dialog's first choice, as a user's click would (listeners told). */
    private static void choose(GenericDialog dialog, String item) throws InterruptedException, InvocationTargetException {
        Choice choice = (Choice) dialog.getChoices().get(0);
        onEventThread(() -> {
            choice.select(item);
            ItemEvent event = new ItemEvent(choice, ItemEvent.ITEM_STATE_CHANGED, item, ItemEvent.SELECTED);
            for (ItemListener listener : choice.getItemListeners()) {
                listener.itemStateChanged(event);
            }
        });
    }

    /** Ticks or unticks the checkbox labelled {@code label}, as a user's click would. */
    private static void tick(GenericDialog dialog, String label, boolean state)
            throws InterruptedException, InvocationTargetException {
        Checkbox box = ((java.util.List<?>) dialog.getCheckboxes()).stream().map(Checkbox.class::cast)
                .filter(c -> c.getLabel().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no checkbox " + label));
        onEventThread(() -> {
            box.setState(state);
            ItemEvent event = new ItemEvent(box, ItemEvent.ITEM_STATE_CHANGED, box,
                    state ? ItemEvent.SELECTED : ItemEvent.DESELECTED);
            for (ItemListener listener : box.getItemListeners()) {
                listener.itemStateChanged(event);
            }
        });
    }

    private static MenuItem menuItem(MenuBar bar, String top, String sub, String label) {
        for (int i = 0; i < bar.getMenuCount(); i++) {
            Menu menu = bar.getMenu(i);
            if (menu.getLabel().equals(top)) {
                return find(menu, sub, label);
            }
        }
        throw new IllegalStateException("no menu " + top);
    }

    private static MenuItem find(Menu menu, String sub, String label) {
        for (int i = 0; i < menu.getItemCount(); i++) {
            MenuItem item = menu.getItem(i);
            if (item instanceof Menu submenu && submenu.getLabel().equals(sub)) {
                for (int j = 0; j < submenu.getItemCount(); j++) {
                    if (submenu.getItem(j).getLabel().equals(label)) {
                        return submenu.getItem(j);
                    }
                }
            }
        }
        throw new IllegalStateException("no item " + sub + " > " + label + " under " + menu.getLabel());
    }

    /** What choosing a menu item does: its listeners get an action event, on the event thread. */
    private static void click(MenuItem item) throws InterruptedException, InvocationTargetException {
        ActionEvent event = new ActionEvent(item, ActionEvent.ACTION_PERFORMED, item.getActionCommand());
        EventQueue.invokeLater(() -> {
            for (ActionListener listener : item.getActionListeners()) {
                listener.actionPerformed(event);
            }
        });
    }

    private static void press(GenericDialog dialog, String label) {
        Button button = button(dialog, label);
        if (button == null) {
            throw new IllegalStateException("no button " + label);
        }
        ActionEvent event = new ActionEvent(button, ActionEvent.ACTION_PERFORMED, button.getLabel());
        EventQueue.invokeLater(() -> {
            for (ActionListener listener : button.getActionListeners()) {
                listener.actionPerformed(event);
            }
        });
    }

    private static Button button(Container container, String label) {
        for (Component child : container.getComponents()) {
            if (child instanceof Button button && button.getLabel().trim().equals(label)) {
                return button;
            }
            if (child instanceof Container inner) {
                Button found = button(inner, label);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static GenericDialog dialog(String title) {
        for (Window window : Window.getWindows()) {
            if (window instanceof GenericDialog gd && gd.isShowing() && title.equals(gd.getTitle())) {
                return gd;
            }
        }
        return null;
    }

    private static <T> T waitFor(String what, Supplier<T> probe) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    private static void onEventThread(Runnable action) throws InterruptedException, InvocationTargetException {
        EventQueue.invokeAndWait(action);
    }

    private static void screenshot(File file) throws AWTException, IOException {
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(new Robot().createScreenCapture(screen), "png", file);
    }
}
