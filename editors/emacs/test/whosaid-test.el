;;; whosaid-test.el --- End-to-end test of whosaid.el in batch Emacs  -*- lexical-binding: t; -*-

;; Run:
;;   WHOSAID_SERVER=/path/to/whosaid WHOSAID_SEED=seed.txt WHOSAID_FINDINGS=doc.txt \
;;     emacs --batch -l editors/emacs/test/whosaid-test.el
;; Opens the seed article with Eglot, asks for a hover on quote 3, then opens a
;; document with findings and reads its Flymake diagnostics.  Exits non-zero
;; on any failed check.

;;; Code:

(require 'cl-lib)
(let ((here (file-name-directory (or load-file-name buffer-file-name))))
  (add-to-list 'load-path (expand-file-name ".." here)))
(require 'whosaid)
(require 'flymake)
(ignore-errors (require 'markdown-mode))

(defvar whosaid-test--failures 0)
(defconst whosaid-test--timeout 20.0)

(defun whosaid-test--check (ok what)
  "Report WHAT as passed when OK, else count a failure."
  (if ok
      (princ (format "ok: %s\n" what))
    (setq whosaid-test--failures (1+ whosaid-test--failures))
    (princ (format "FAILED: %s\n" what)))
  ok)

(defun whosaid-test--wait-for (predicate)
  "Let process output and timers run until PREDICATE holds or the timeout."
  (let ((deadline (+ (float-time) whosaid-test--timeout)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun whosaid-test--open (file)
  "Visit FILE and connect Eglot as a user would: the hook, then a command."
  (find-file (whosaid-test--getenv file))
  ;; eglot-ensure connects from `post-command-hook'; batch Emacs runs no commands.
  (run-hooks 'post-command-hook)
  (whosaid-test--wait-for (lambda () (eglot-current-server))))

(defun whosaid-test--getenv (name)
  "The value of environment variable NAME, which must be set."
  (or (getenv name) (error "%s is not set" name)))

(defun whosaid-test--hover-text (contents)
  "Plain text of hover CONTENTS in any of the LSP shapes."
  (cond ((stringp contents) contents)
        ((vectorp contents)
         (mapconcat #'whosaid-test--hover-text contents "\n"))
        ((plist-get contents :value))
        (t (format "%S" contents))))

(defun whosaid-test--warning-p (diag)
  "Whether Flymake diagnostic DIAG is shown as a warning."
  (let ((type (flymake-diagnostic-type diag)))
    (or (eq type :warning)
        (eq (get type 'flymake-category) 'flymake-warning))))

(defun whosaid-test--error-p (diag)
  "Whether Flymake diagnostic DIAG is shown as an error."
  (let ((type (flymake-diagnostic-type diag)))
    (or (eq type :error)
        (eq (get type 'flymake-category) 'flymake-error))))

(defun whosaid-test--run ()
  (setq whosaid-server-path (whosaid-test--getenv "WHOSAID_SERVER"))
  (whosaid-setup)
  (princ (format "emacs %s, eglot from %s\n" emacs-version (locate-library "eglot")))

  ;; The seed article: hover on quote 3 ("reinforced the unquestionable ...").
  (let ((server (whosaid-test--open "WHOSAID_SEED")))
    (whosaid-test--check (eq major-mode 'text-mode) "seed article opens in text-mode")
    (unless (whosaid-test--check server "eglot connected to whosaid")
      (error "no server"))
    (whosaid-test--check (equal (eglot--language-id server) "plaintext")
                         "server was told languageId plaintext")
    (goto-char (point-min))
    (search-forward "reinforced the unquestionable necessity")
    (goto-char (+ (match-beginning 0) 3))
    (let* ((hover (jsonrpc-request server :textDocument/hover
                                   (eglot--TextDocumentPositionParams)))
           (text (if hover (whosaid-test--hover-text (plist-get hover :contents)) "")))
      (princ (format "hover on quote 3:\n%s\n" text))
      (whosaid-test--check (string-match-p "Pat Ryder" text)
                           "hover on quote 3 names Pat Ryder"))
    ;; The outline as Emacs shows it: Eglot's imenu index of the document symbols.
    (let* ((index (funcall imenu-create-index-function))
           (names (let (all)
                    (cl-labels ((walk (items)
                                  (dolist (item items)
                                    (push (car item) all)
                                    (when (imenu--subalist-p item) (walk (cdr item))))))
                      (walk index))
                    all)))
      (princ (format "imenu: %s\n" (mapconcat #'identity (reverse names) ", ")))
      (dolist (actor '("Pat Ryder" "Lloyd Austin" "Yoav Gallant"))
        (whosaid-test--check (cl-some (lambda (n) (string-prefix-p actor n)) names)
                             (format "imenu lists %s" actor)))))

  ;; A Markdown document with findings: the unattributed quote is a Flymake warning.
  (let ((server (whosaid-test--open "WHOSAID_FINDINGS")))
    (whosaid-test--check (eq major-mode 'markdown-mode) "findings document opens in markdown-mode")
    (whosaid-test--check (and server (equal (eglot--language-id server) "markdown"))
                         "server was told languageId markdown"))
  (flymake-start)
  (let* ((found (whosaid-test--wait-for
                 (lambda ()
                   (cl-some (lambda (d) (string-match-p "unattributed-quote"
                                                         (flymake-diagnostic-text d)))
                            (flymake-diagnostics)))))
         (diags (flymake-diagnostics)))
    (dolist (d diags)
      (princ (format "diagnostic: line %d %s %s\n"
                     (line-number-at-pos (flymake-diagnostic-beg d))
                     (flymake-diagnostic-type d) (flymake-diagnostic-text d))))
    (whosaid-test--check
     (and found
          (cl-some (lambda (d)
                     (and (string-match-p "unattributed-quote" (flymake-diagnostic-text d))
                          (whosaid-test--warning-p d)
                          (= 1 (line-number-at-pos (flymake-diagnostic-beg d)))))
                   diags))
     "unattributed quote on line 1 is a Flymake warning"))

  ;; Changed settings reach the running server (workspace/didChangeConfiguration).
  (setq whosaid-settings
        (append '(:severity (:unattributed-quote "error")) whosaid-settings))
  (whosaid-apply-settings)
  (whosaid-test--check
   (whosaid-test--wait-for
    (lambda ()
      (flymake-start)
      (cl-some (lambda (d)
                 (and (string-match-p "unattributed-quote" (flymake-diagnostic-text d))
                      (whosaid-test--error-p d)))
               (flymake-diagnostics))))
   "after whosaid-apply-settings the unattributed quote is an error"))

(condition-case err
    (whosaid-test--run)
  (error (whosaid-test--check nil (format "error: %S" err))))
(ignore-errors (eglot-shutdown-all))
(princ (if (zerop whosaid-test--failures)
           "emacs test passed\n"
         (format "emacs test: %d failure(s)\n" whosaid-test--failures)))
(kill-emacs (if (zerop whosaid-test--failures) 0 1))

;;; whosaid-test.el ends here
