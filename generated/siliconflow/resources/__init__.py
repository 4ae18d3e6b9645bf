"""Resource classes: `client.<resource>.<operation>(...)`."""
