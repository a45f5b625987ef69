;;; whosaid.el --- Who said what: the whosaid language server through Eglot  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: wp, languages
;; License: MIT OR Apache-2.0

;;; Commentary:

;; A thin client: registers the `whosaid' language server with Eglot for
;; `text-mode' and `markdown-mode' buffers and passes the settings to it.
;; All attribution logic lives in the server.
;;
;;   (add-to-list 'load-path "/path/to/whosaid/editors/emacs")
;;   (require 'whosaid)
;;   (whosaid-setup)
;;
;; Then open an article and hover a quote (or M-x eldoc) to see its speaker.
;; After changing `whosaid-settings', M-x whosaid-apply-settings.
;; The settings are documented in editors/README.md#settings.

;;; Code:

(require 'eglot)
(require 'seq)

(defgroup whosaid nil
  "Who said what: quote attribution through the whosaid language server."
  :group 'eglot
  :prefix "whosaid-")

(defcustom whosaid-server-path "whosaid"
  "The whosaid binary: a name looked up on `exec-path', or a file name."
  :type 'string)

(defcustom whosaid-settings
  '(:mode "auto"
    :cueVerbs []
    :vaguePhrases []
    :ignore []
    :minQuoteWords 4
    :inlayHints :json-false
    :codeLens t
    :languages ["plaintext" "markdown"])
  "Settings sent to the server, as a plist of the names in editors/README.md.
Arrays are vectors, false is `:json-false'.  Add a severity map with
e.g. (:severity (:vague-source \"hint\" :hearsay \"off\")).
They are sent as initializationOptions and answer the server's
workspace/configuration requests for the \"whosaid\" section."
  :type 'plist)

(defconst whosaid--modes-by-language
  '(("plaintext" text-mode)
    ("markdown" markdown-mode gfm-mode))
  "Major modes for each LSP language id of the `:languages' setting.")

(defun whosaid--program ()
  "The server program to run, or a `user-error' naming the path and the setting."
  (or (and (file-name-absolute-p whosaid-server-path)
           (file-executable-p whosaid-server-path)
           whosaid-server-path)
      (and (not (file-name-absolute-p whosaid-server-path))
           (executable-find whosaid-server-path))
      (user-error
       "whosaid: cannot run the language server %S; install it with `cargo install --path .' from the whosaid repository, or customize `whosaid-server-path'"
       whosaid-server-path)))

(defun whosaid--contact (&optional _interactive)
  "Eglot contact for whosaid: the program and its initializationOptions."
  (list (whosaid--program)
        :initializationOptions (lambda (_server) whosaid-settings)))

(defun whosaid--enabled-modes ()
  "The major modes named by the `:languages' setting."
  (let ((languages (append (plist-get whosaid-settings :languages) nil)))
    (seq-mapcat (lambda (language)
                  (cdr (assoc language whosaid--modes-by-language)))
                languages)))

(defun whosaid--publish-settings ()
  "Copy `whosaid-settings' to `eglot-workspace-configuration' (section whosaid).
A function or alist value is the user's own and is left alone."
  (let ((current (default-value 'eglot-workspace-configuration)))
    (when (or (null current) (keywordp (car-safe current)))
      (setq-default eglot-workspace-configuration
                    (plist-put (copy-sequence current) :whosaid whosaid-settings)))))

(defun whosaid-apply-settings ()
  "Send the current `whosaid-settings' to the running whosaid servers."
  (interactive)
  (whosaid--publish-settings)
  (dolist (server (apply #'append (hash-table-values eglot--servers-by-project)))
    (when (equal (plist-get (eglot--server-info server) :name) "whosaid")
      (eglot-signal-didChangeConfiguration server))))

(defun whosaid-maybe-start ()
  "Start whosaid in this buffer if its major mode is one of `:languages'."
  (when (memq major-mode (whosaid--enabled-modes))
    (eglot-ensure)))

;;;###autoload
(defun whosaid-setup ()
  "Register whosaid with Eglot and start it in text and Markdown buffers."
  (interactive)
  ;; One entry per language, so each server is told the right languageId.
  ;; Markdown first: `markdown-mode' derives from `text-mode'.
  (add-to-list 'eglot-server-programs
               '(((text-mode :language-id "plaintext")) . whosaid--contact))
  (add-to-list 'eglot-server-programs
               '(((markdown-mode :language-id "markdown")
                  (gfm-mode :language-id "markdown"))
                 . whosaid--contact))
  (whosaid--publish-settings)
  (add-hook 'text-mode-hook #'whosaid-maybe-start))

(provide 'whosaid)
;;; whosaid.el ends here
